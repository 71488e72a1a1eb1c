//! The router demo: nested routes. `/router` is a layout with a list of
//! users and an `<Outlet/>`; its children are an index (`/router`) and a
//! user page (`/router/users/:id`) whose `?tab=` query picks a panel.

use larkspur::router::*;
use larkspur::*;

const USERS: [(u32, &str, &str); 3] = [
    (1, "Ada", "Wrote the first program."),
    (2, "Grace", "Made compilers a thing."),
    (3, "Alan", "Asked whether machines can think."),
];

/// The routes of this demo, placed inside the app's `<Routes>`. The
/// parent's view is the showcase page, which renders [`UsersLayout`].
pub fn routes() -> impl IntoView {
    view! {
        <Route path="router" view=crate::RouterPage>
            <Route path="" view=PickUser/>
            <Route path="users/:id" view=UserPage/>
        </Route>
    }
}

/// The parent route's content: stays mounted while the outlet changes.
#[component]
pub fn UsersLayout() -> impl IntoView {
    let links = USERS
        .iter()
        .map(|(id, name, _)| view! { <li><A href=format!("/router/users/{id}")>{*name}</A></li> })
        .collect_view();
    view! {
        <div class="users">
            <nav aria-label="Users"><ul>{links}</ul></nav>
            <div class="user-outlet"><Outlet/></div>
        </div>
    }
}

/// `/router` itself.
#[component]
fn PickUser() -> impl IntoView {
    view! { <p id="user">"Pick a user."</p> }
}

#[derive(Clone, PartialEq)]
struct UserId {
    id: u32,
}

impl Params for UserId {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(UserId {
            id: map.get_parsed("id")?,
        })
    }
}

#[derive(Clone, PartialEq)]
struct TabQuery {
    tab: Option<String>,
}

impl Params for TabQuery {
    fn from_map(map: &ParamsMap) -> Result<Self, ParamsError> {
        Ok(TabQuery {
            tab: map.get("tab").cloned(),
        })
    }
}

/// `/router/users/:id?tab=about|work`: the param and the query are read
/// as typed values; a bad id or an unknown user is a message, not a panic.
#[component]
fn UserPage() -> impl IntoView {
    let params = use_params::<UserId>();
    let query = use_query::<TabQuery>();
    let user = move || {
        let id = params.get().map_err(|e| e.to_string())?.id;
        USERS
            .iter()
            .find(|u| u.0 == id)
            .copied()
            .ok_or_else(|| format!("There is no user {id}."))
    };
    let tab = move || {
        query
            .get()
            .ok()
            .and_then(|q| q.tab)
            .unwrap_or_else(|| "about".into())
    };
    view! {
        <div id="user">
            {move || match user() {
                Err(message) => view! { <p class="error">{message}</p> }.into_view(),
                Ok((_, name, about)) => view! {
                    <h3>{name}</h3>
                    <p class="tab-links">
                        <span class:selected=move || tab() == "about"><A href="?tab=about">"About"</A></span>
                        <span class:selected=move || tab() == "work"><A href="?tab=work">"Work"</A></span>
                    </p>
                    <p class="tab-body">{move || match tab().as_str() {
                        "work" => format!("{name} works in the history of computing."),
                        _ => about.to_string(),
                    }}</p>
                }.into_view(),
            }}
        </div>
    }
}
