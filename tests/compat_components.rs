//! Issue 9, item 4: component patterns of Leptos 0.6 apps — callbacks from
//! parent to child, derived signals as props, `into_any`/`into_view`,
//! `AnimatedShow` and `Await`.
#![cfg(target_arch = "wasm32")]

mod async_support;
mod common;

use std::time::Duration;

use async_support::{after_ms, wait, Gates};
use common::{click, find, find_all, test_container, text};
use larkspur::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[component]
fn ButtonB(#[prop(into)] on_click: Callback<ev::MouseEvent>) -> impl IntoView {
    view! { <button id="child" on:click=move |ev| on_click.call(ev)>"Toggle"</button> }
}

#[component]
fn Counter(#[prop(into)] format: Callback<i32, String>, value: Signal<i32>) -> impl IntoView {
    view! { <span id="formatted">{move || format.call(value.get())}</span> }
}

#[wasm_bindgen_test]
fn a_closure_passed_to_a_callback_prop_is_called_by_the_child() {
    let container = test_container();
    let (toggled, set_toggled) = create_signal(false);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="state">{move || toggled.get().to_string()}</p>
            <ButtonB on_click=move |_| set_toggled.update(|t| *t = !*t)/>
        }
    });
    click(&find(&container, "#child"));
    assert_eq!(find(&container, "#state").text_content().unwrap(), "true");
    click(&find(&container, "#child"));
    assert!(!toggled.get_untracked());
}

#[wasm_bindgen_test]
fn callbacks_return_values_and_signal_derive_is_a_prop() {
    let container = test_container();
    let (count, set_count) = create_signal(2);
    let _h = mount_to_with_handle(container.clone(), move || {
        let doubled = Signal::derive(move || count.get() * 2);
        view! { <Counter format=|n: i32| format!("#{n}") value=doubled/> }
    });
    assert_eq!(find(&container, "#formatted").text_content().unwrap(), "#4");
    set_count.set(5);
    assert_eq!(
        find(&container, "#formatted").text_content().unwrap(),
        "#10"
    );
}

#[component]
fn Label(#[prop(into)] text: MaybeSignal<String>) -> impl IntoView {
    view! { <em>{move || text.get()}</em> }
}

#[wasm_bindgen_test]
fn maybe_signal_props_take_plain_values_and_derived_ones() {
    let container = test_container();
    let (n, set_n) = create_signal(1);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <Label text="static"/>
            <Label text=MaybeSignal::derive(move || format!("n={}", n.get()))/>
        }
    });
    set_n.set(3);
    let texts: Vec<_> = find_all(&container, "em")
        .iter()
        .map(|e| e.text_content().unwrap())
        .collect();
    assert_eq!(texts, ["static", "n=3"]);
}

#[wasm_bindgen_test]
fn branches_of_different_types_unify_with_into_view_and_into_any() {
    let container = test_container();
    let (wide, set_wide) = create_signal(false);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="a">{move || if wide.get() {
                view! { <section>"wide"</section> }.into_any()
            } else {
                view! { <aside>"narrow"</aside> }.into_any()
            }}</div>
            <div id="v">{move || if wide.get() {
                view! { <b>"bold"</b> }.into_view()
            } else {
                "plain".into_view()
            }}</div>
        }
    });
    assert_eq!(find(&container, "#a").inner_html(), "<aside>narrow</aside>");
    assert_eq!(find(&container, "#v").text_content().unwrap(), "plain");
    set_wide.set(true);
    assert_eq!(
        find(&container, "#a").inner_html(),
        "<section>wide</section>"
    );
    assert_eq!(find(&container, "#v").inner_html(), "<b>bold</b>");
}

#[wasm_bindgen_test]
async fn animated_show_applies_the_hide_class_then_removes_after_the_delay() {
    let container = test_container();
    let (open, set_open) = create_signal(true);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <AnimatedShow
                when=open
                show_class="fade-in"
                hide_class="fade-out"
                hide_delay=Duration::from_millis(5)
            >
                <p id="toast">"Saved"</p>
            </AnimatedShow>
        }
    });
    let wrapper = find(&container, "div");
    assert_eq!(wrapper.class_name(), "fade-in");
    set_open.set(false);
    // Still there, leaving.
    assert_eq!(find(&container, "div").class_name(), "fade-out");
    assert!(container.query_selector("#toast").unwrap().is_some());
    // Timers fire in order of due time: this one is due after the removal.
    wait(&after_ms(20)).await;
    assert!(container.query_selector("#toast").unwrap().is_none());

    set_open.set(true);
    assert_eq!(find(&container, "div").class_name(), "fade-in");
    // Hiding and showing again before the delay keeps it.
    set_open.set(false);
    set_open.set(true);
    wait(&after_ms(20)).await;
    assert!(container.query_selector("#toast").unwrap().is_some());
    assert_eq!(find(&container, "div").class_name(), "fade-in");
}

/// `when` notifying again with the same `false` (a clock it reads, a
/// close-on-any-click handler) does not push the removal back: the
/// children go `hide_delay` after the hide, not never.
#[wasm_bindgen_test]
async fn animated_show_removes_its_children_while_false_keeps_being_notified() {
    let container = test_container();
    let clock = create_rw_signal(0u32);
    let open = create_rw_signal(true);
    let _h = mount_to_with_handle(container.clone(), move || {
        let when = Signal::derive(move || {
            clock.track();
            open.get()
        });
        view! {
            <AnimatedShow when=when hide_class="fade-out" hide_delay=Duration::from_millis(40)>
                <p id="toast">"Saved"</p>
            </AnimatedShow>
        }
    });
    open.set(false);
    // The clock ticks every 10 ms for 200 ms; each tick used to push the
    // removal 40 ms back.
    for _ in 0..20 {
        wait(&after_ms(10)).await;
        clock.update(|n| *n += 1);
    }
    assert!(
        container.query_selector("#toast").unwrap().is_none(),
        "{}",
        container.inner_html()
    );
}

#[wasm_bindgen_test]
async fn await_renders_its_children_with_the_value() {
    let container = test_container();
    let gates = Gates::default();
    let fetch = gates.fetcher();
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="out">
                // `local` as 0.6 apps write it (accepted; every future is local).
                <Await future=move || fetch(3) local=true let:data>
                    <p>{*data} " little monkeys"</p>
                </Await>
            </div>
        }
    });
    assert_eq!(find(&container, "#out").inner_html(), "");
    assert_eq!(gates.count(), 1);
    gates.request(0).finish().await;
    assert_eq!(
        find(&container, "#out p").text_content().unwrap(),
        "30 little monkeys"
    );
}

#[wasm_bindgen_test]
async fn await_does_not_hold_the_suspense_around_it() {
    // 0.6's Await is its own suspense boundary: the header beside it shows
    // while the awaited data loads.
    let container = test_container();
    let gates = Gates::default();
    let fetch = std::rc::Rc::new(gates.fetcher());
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <Suspense fallback=|| view! { <i id="spinner">"…"</i> }>
                <h1 id="header">"Monkeys"</h1>
                <Await future={ let fetch = fetch.clone(); move || fetch(2) } let:data>
                    <p id="count">{*data}</p>
                </Await>
            </Suspense>
        }
    });
    assert!(container.query_selector("#spinner").unwrap().is_none());
    assert_eq!(
        find(&container, "#header").text_content().unwrap(),
        "Monkeys"
    );
    assert!(container.query_selector("#count").unwrap().is_none());
    gates.request(0).finish().await;
    assert_eq!(find(&container, "#count").text_content().unwrap(), "20");
}

/// A component library's optional props: left out, given a value, or given
/// a signal, and used as text, attribute and class.
#[component]
fn Badge(
    #[prop(into, optional)] label: MaybeProp<String>,
    #[prop(into, optional)] title: MaybeProp<String>,
    #[prop(into, optional)] loud: MaybeProp<bool>,
) -> impl IntoView {
    let shown = {
        let label = label.clone();
        move || label.get().unwrap_or_else(|| "(none)".to_string())
    };
    view! { <b title=title class:loud=loud>{shown}" "{label}</b> }
}

#[wasm_bindgen_test]
fn maybe_prop_props_may_be_left_out_or_reactive() {
    let container = test_container();
    let (name, set_name) = create_signal(None::<String>);
    let (loud, set_loud) = create_signal(false);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <Badge/>
            <Badge label="plain" title="tip"/>
            <Badge label=name loud=loud/>
        }
    });
    let badges = || find_all(&container, "b");
    let texts = || -> Vec<String> { badges().iter().map(|e| e.text_content().unwrap()).collect() };
    assert_eq!(texts(), ["(none) ", "plain plain", "(none) "]);
    assert_eq!(badges()[0].get_attribute("title"), None);
    assert_eq!(badges()[1].get_attribute("title").as_deref(), Some("tip"));
    assert!(!badges()[2].class_list().contains("loud"));

    set_name.set(Some("ada".to_string()));
    set_loud.set(true);
    assert_eq!(texts()[2], "ada ada");
    assert!(badges()[2].class_list().contains("loud"));
    set_name.set(None);
    assert_eq!(texts()[2], "(none) ");
}

#[component]
fn Heading(#[prop(into)] text: Oco<'static, str>) -> impl IntoView {
    view! { <h2 title=text.clone()>{text}</h2> }
}

#[wasm_bindgen_test]
fn oco_props_take_static_owned_and_shared_strings() {
    let container = test_container();
    let shared: std::rc::Rc<str> = "shared".into();
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <Heading text="static"/>
            <Heading text=format!("owned {}", 1)/>
            <Heading text=shared.clone()/>
        }
    });
    let headings = find_all(&container, "h2");
    let texts: Vec<_> = headings.iter().map(|e| e.text_content().unwrap()).collect();
    assert_eq!(texts, ["static", "owned 1", "shared"]);
    let titles: Vec<_> = headings
        .iter()
        .map(|e| e.get_attribute("title").unwrap())
        .collect();
    assert_eq!(titles, texts);
}

#[component]
fn ProgressBar(#[prop(into)] progress: Signal<i32>) -> impl IntoView {
    view! { <progress id="bar" max="10" value=move || progress.get()></progress> }
}

/// Found in real 0.6 apps: a closure passed to a `#[prop(into)]
/// Signal<T>` prop, `ref=`/`_ref=` for `node_ref=`, the element types at
/// `html::`, and `logging::debug_warn!`.
#[wasm_bindgen_test]
fn closure_signal_props_ref_aliases_and_html_paths() {
    let container = test_container();
    let (count, set_count) = create_signal(1);
    let a = create_node_ref::<html::Div>();
    let b = create_node_ref::<html::Span>();
    let c = create_node_ref::<html::P>();
    fn boxed() -> html::HtmlElement<html::Em> {
        html::em().child("typed")
    }
    fn descriptor<E: html::ElementDescriptor>(_: &html::HtmlElement<E>) {}
    let em = boxed();
    descriptor(&em);
    let double = move || count.get() * 2;
    logging::debug_warn!("rendering with count {}", count.get_untracked());
    mount_to_with_handle(container.clone(), move || {
        view! {
            <ProgressBar progress=double/>
            <div ref=a></div>
            <span _ref=b></span>
            <p ref_=c></p>
            {em}
        }
    })
    .forget();
    let bar = find(&container, "#bar");
    assert_eq!(
        bar.unchecked_ref::<web_sys::HtmlProgressElement>().value(),
        2.0
    );
    set_count.set(3);
    assert_eq!(
        bar.unchecked_ref::<web_sys::HtmlProgressElement>().value(),
        6.0
    );
    assert!(a.get().is_some() && b.get().is_some() && c.get().is_some());
    assert_eq!(
        find(&container, "em").text_content().as_deref(),
        Some("typed")
    );
}

#[derive(Clone)]
struct Theme(&'static str);

#[component]
fn ThemeLabel() -> impl IntoView {
    let theme = use_context::<Theme>().map(|t| t.0).unwrap_or("plain");
    view! { <span class="label">{theme}</span> }
}

/// `<Provider>` reaches its children only; numbers and strings as styles.
#[wasm_bindgen_test]
fn provider_scopes_its_context_and_numbers_are_styles() {
    let container = test_container();
    let (n, set_n) = create_signal(3usize);
    mount_to_with_handle(container.clone(), move || {
        view! {
            <Provider value=Theme("dark")><ThemeLabel/></Provider>
            <ThemeLabel/>
            <div id="styled" style:width=5 style=("--i", n) style:height=String::from("2px")></div>
        }
    })
    .forget();
    let labels: Vec<String> = find_all(&container, ".label")
        .iter()
        .map(|l| l.text_content().unwrap_or_default())
        .collect();
    assert_eq!(labels, ["dark", "plain"]);
    let styled = find(&container, "#styled");
    let style = styled.style();
    assert_eq!(style.get_property_value("--i").unwrap(), "3");
    assert_eq!(style.get_property_value("height").unwrap(), "2px");
    set_n.set(7);
    assert_eq!(style.get_property_value("--i").unwrap(), "7");
}

/// A user type with a Leptos 0.6 `IntoAttribute` impl.
#[derive(Clone, Copy)]
enum Dir {
    Ltr,
    Rtl,
}

impl IntoAttribute for Dir {
    fn into_attribute(self) -> Attribute {
        Attribute::String(match self {
            Dir::Ltr => "ltr".into(),
            Dir::Rtl => "rtl".into(),
        })
    }
    fn into_attribute_boxed(self: Box<Self>) -> Attribute {
        self.into_attribute()
    }
}

#[component]
fn Kinded(
    #[prop(optional, into)] kind: Option<AttributeValue>,
    #[prop(optional, into)] label: TextProp,
) -> impl IntoView {
    view! { <button type=kind title=label.clone()>{move || label.get().to_string()}</button> }
}

/// User `IntoAttribute` impls, `AttributeValue` and `TextProp` props, as
/// 0.6 component libraries write them.
#[wasm_bindgen_test]
fn user_attribute_impls_attribute_values_and_text_props() {
    let container = test_container();
    let (dir, set_dir) = create_signal(Dir::Ltr);
    let (n, set_n) = create_signal(1);
    mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="dir" dir=dir data-opt=Attribute::Option(None)></p>
            <Kinded kind="submit" label=move || format!("n={}", n.get())/>
            <Kinded/>
            <Kinded kind={move || if n.get() > 1 { "reset" } else { "button" }}/>
            <Kinded kind=dir/>
        }
    })
    .forget();
    let p = find(&container, "#dir");
    assert_eq!(p.get_attribute("dir").as_deref(), Some("ltr"));
    assert!(!p.has_attribute("data-opt"));
    set_dir.set(Dir::Rtl);
    assert_eq!(p.get_attribute("dir").as_deref(), Some("rtl"));
    let buttons = find_all(&container, "button");
    assert_eq!(buttons[0].get_attribute("type").as_deref(), Some("submit"));
    assert_eq!(buttons[0].get_attribute("title").as_deref(), Some("n=1"));
    assert_eq!(buttons[0].text_content().as_deref(), Some("n=1"));
    assert!(!buttons[1].has_attribute("type"));
    assert_eq!(buttons[2].get_attribute("type").as_deref(), Some("button"));
    assert_eq!(buttons[3].get_attribute("type").as_deref(), Some("rtl"));
    set_n.set(2);
    assert_eq!(buttons[0].get_attribute("title").as_deref(), Some("n=2"));
    assert_eq!(buttons[2].get_attribute("type").as_deref(), Some("reset"));
    assert_eq!(
        5.into_attribute().as_nameless_value_string().as_deref(),
        Some("5")
    );
}

mod canvas_name {
    //! A component named like an element marker (`Canvas`), as 0.6 code
    //! declares it next to `use leptos::html::Canvas`.
    use larkspur::html::Canvas;
    use larkspur::*;

    #[component]
    pub fn Canvas() -> impl IntoView {
        let r = create_node_ref::<Canvas>();
        view! { <canvas id="cv" ref=r width="4"></canvas> }
    }
}

#[component]
fn Icon(#[prop(attrs)] attrs: Vec<(&'static str, Attribute)>) -> impl IntoView {
    view! { <i {..attrs}></i> }
}

/// A marker-named component, a `#[prop(attrs)]` prop set by name, views
/// compared by identity, the builder's `id` and `classes` from an `Oco`.
#[wasm_bindgen_test]
fn marker_named_components_named_attrs_and_view_equality() {
    let container = test_container();
    let attrs = vec![("data-icon", "star".into_attribute())];
    let p = html::p().id("para").classes(Oco::from(String::from("a b")));
    let view = p.clone().into_view();
    assert_eq!(view, view.clone());
    assert_ne!(view, html::p().into_view());
    let svg_ref = create_node_ref::<svg::Svg>();
    mount_to_with_handle(container.clone(), move || {
        view! {
            <canvas_name::Canvas/>
            <Icon attrs/>
            {p}
            <svg _ref=svg_ref viewBox="0 0 1 1"></svg>
        }
    })
    .forget();
    assert!(svg_ref.get().is_some());
    assert!(find_all(&container, "canvas#cv").len() == 1);
    assert_eq!(
        find(&container, "i").get_attribute("data-icon").as_deref(),
        Some("star")
    );
    let para = find(&container, "#para");
    assert_eq!(para.class_name(), "a b");
}

/// `#[prop(default = ..)]` may use the props declared before it, as Leptos
/// 0.6's builder allows.
#[component]
fn Sized(
    size: u32,
    #[prop(default = size * 2)] width: u32,
    #[prop(optional)] label: Option<String>,
    #[prop(default = format!("{}:{}", label.clone().unwrap_or_default(), width))] title: String,
) -> impl IntoView {
    let _ = label;
    view! { <p title=title>{size} "x" {width}</p> }
}

#[wasm_bindgen_test]
fn a_default_can_use_earlier_props() {
    let c = common::test_container();
    let _h = mount_to_with_handle(c.clone(), || {
        view! {
            <Sized size=3/>
            <Sized size=3 width=10 label="w".to_string()/>
        }
    });
    let ps = c.query_selector_all("p").unwrap();
    let p0: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(ps.item(0).unwrap());
    let p1: web_sys::Element = wasm_bindgen::JsCast::unchecked_into(ps.item(1).unwrap());
    assert_eq!(p0.text_content().unwrap(), "3x6");
    assert_eq!(p0.get_attribute("title").as_deref(), Some(":6"));
    assert_eq!(p1.text_content().unwrap(), "3x10");
    assert_eq!(p1.get_attribute("title").as_deref(), Some("w:10"));
}

/// A component of its own named like the built-in one, with children typed
/// as 0.6's `BoxedChildrenFn` spells them (zwpdbh/leptos_frontend's demo).
#[component]
fn MyShow<W>(children: Box<dyn Fn() -> Fragment>, when: W) -> impl IntoView
where
    W: Fn() -> bool + 'static,
{
    move || when().then(&children)
}

#[wasm_bindgen_test]
fn boxed_fn_children_render_each_time_they_are_shown() {
    let container = test_container();
    let (shown, set_shown) = create_signal(true);
    let _h = mount_to_with_handle(container.clone(), move || {
        view! { <MyShow when=move || shown.get()><b id="boxed">"inside"</b></MyShow> }
    });
    assert_eq!(find(&container, "#boxed").text_content().unwrap(), "inside");
    set_shown.set(false);
    assert!(container.query_selector("#boxed").unwrap().is_none());
    set_shown.set(true);
    assert_eq!(find(&container, "#boxed").text_content().unwrap(), "inside");
}

#[wasm_bindgen_test]
async fn resources_and_stored_values_are_callable() {
    let container = test_container();
    let (id, set_id) = create_signal(1u32);
    let r = store_value(None::<Resource<u32, String>>);
    let _h = mount_to_with_handle(container.clone(), move || {
        let user = create_resource(move || id.get(), |id| async move { format!("user {id}") });
        r.set_value(Some(user));
        let greeting = store_value(String::from("Hello"));
        view! {
            <p id="who">{move || user().map(|u| format!("{}, {u}", greeting()))}</p>
        }
    });
    let text = |c: &web_sys::HtmlElement| find(c, "#who").text_content().unwrap();
    until(|| text(&container) == "Hello, user 1").await;
    set_id.set(2);
    until(|| text(&container) == "Hello, user 2").await;
    let user = r.get_value().unwrap();
    let copy = user;
    assert_eq!(user, copy);
    assert_eq!(user(), Some("user 2".to_string()));
}

async fn until(done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        larkspur::testing::sleep_ms(5).await;
    }
    panic!("timed out");
}

#[wasm_bindgen_test]
fn prebuilt_views_swapped_in_and_out_keep_their_listeners() {
    // imageproc-website's layout: a sidebar and a bottom bar built once,
    // and a closure that shows one of them by cloning it.
    let container = test_container();
    let (wide, set_wide) = create_signal(true);
    let (clicks, set_clicks) = create_signal(0);
    let _h = mount_to_with_handle(container.clone(), move || {
        let sidebar = view! { <nav><button id="side" on:click=move |_| set_clicks.update(|n| *n += 1)>"S"</button></nav> }.into_view();
        let bottom = view! { <footer><button id="bottom" on:click=move |_| set_clicks.update(|n| *n += 10)>"B"</button></footer> }.into_view();
        view! { <main>{move || if wide.get() { sidebar.clone() } else { bottom.clone() }}</main> }
    });
    click(&find(&container, "#side"));
    set_wide.set(false);
    assert!(container.query_selector("#side").unwrap().is_none());
    click(&find(&container, "#bottom"));
    set_wide.set(true);
    set_wide.set(false);
    set_wide.set(true);
    click(&find(&container, "#side"));
    assert_eq!(clicks.get_untracked(), 12);
    assert_eq!(find_all(&container, "main > *").len(), 1);
}

mod elsewhere {
    use larkspur::{component, view, IntoView};

    /// A component defined in another module.
    #[component]
    pub fn Hello(name: &'static str) -> impl IntoView {
        view! { <p class="hello">"hello " {name}</p> }
    }
}

/// As in Leptos 0.6, `NameProps::builder()` is inherent (no `Props` trait
/// import needed) and a props value is a view that renders its component.
mod explicit_imports {
    // Only these names: no `Props` trait in scope.
    use super::common::test_container;
    use super::elsewhere::HelloProps;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn props_have_an_inherent_builder_and_are_views() {
        let props = HelloProps::builder().name("props").build();
        let c = test_container();
        let handle = larkspur::mount_to_with_handle(c.clone(), move || props);
        assert_eq!(c.inner_html(), "<p class=\"hello\">hello props</p>");
        handle.unmount();
    }

    /// The built-in components' props too (`Show` in builder syntax).
    #[wasm_bindgen_test]
    fn built_in_props_have_an_inherent_builder() {
        use larkspur::{Show, ShowProps, ToChildren};
        let c = test_container();
        let handle = larkspur::mount_to_with_handle(c.clone(), || {
            Show(
                ShowProps::builder()
                    .when(|| true)
                    .children(ToChildren::to_children(|| {
                        larkspur::Fragment::new(vec![larkspur::IntoView::into_view("shown")])
                    }))
                    .build(),
            )
        });
        assert_eq!(c.inner_html(), "shown");
        handle.unmount();
    }

    /// ... and they are views, as every 0.6 component's props are: built
    /// `ShowProps` and `ForProps` render their component.
    #[wasm_bindgen_test]
    fn built_in_props_are_views() {
        use larkspur::{ForProps, ShowProps, ToChildren};
        let c = test_container();
        let handle = larkspur::mount_to_with_handle(c.clone(), || {
            let show = ShowProps::builder()
                .when(|| false)
                .fallback(|| "hidden")
                .children(ToChildren::to_children(|| {
                    larkspur::Fragment::new(vec![larkspur::IntoView::into_view("shown")])
                }))
                .build();
            let list = ForProps::builder()
                .each(|| vec![1, 2, 3])
                .key(|n: &i32| *n)
                .children(|n: i32| n * 10)
                .build();
            (show, list)
        });
        assert_eq!(c.text_content().unwrap_or_default(), "hidden102030");
        handle.unmount();
    }
}

thread_local! {
    static PAGE_BUILDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    static PLAIN_BUILDS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[component]
fn UntrackedPage() -> impl IntoView {
    PAGE_BUILDS.with(|c| c.set(c.get() + 1));
    let user = expect_context::<RwSignal<String>>();
    let greeting = format!("Hello {}", user.get()); // read once, in the body
    let draft = create_rw_signal(String::new()); // the page's own state
    view! {
        <p class="page">{greeting} " / " {move || draft.get()}</p>
        <input class="draft" on:input=move |ev| draft.set(event_target_value(&ev))/>
    }
}

#[component]
fn UntrackedPlain(suffix: &'static str) -> impl IntoView {
    PLAIN_BUILDS.with(|c| c.set(c.get() + 1));
    let user = expect_context::<RwSignal<String>>();
    view! { <p class="plain">{user.get()} {suffix}</p> }
}

/// A component's body runs untracked however it is called, as in 0.6
/// (probe32: a routed page that read the query in its body was rebuilt,
/// and its typed text lost, whenever the query changed): as a route's
/// `view=Page`, and as `Plain(..)` called in a closure, a signal read in the
/// body subscribes nothing around it.
#[wasm_bindgen_test]
fn component_bodies_are_untracked_however_they_are_called() {
    use larkspur::router::*;
    common::set_url("/");
    let container = test_container();
    let user = create_rw_signal("ann".to_string());
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(user);
        view! {
            <Router><Routes><Route path="/" view=UntrackedPage/></Routes></Router>
            {move || UntrackedPlain(UntrackedPlainProps { suffix: "!" })}
        }
    });
    let input: web_sys::HtmlInputElement = find(&container, ".draft").unchecked_into();
    input.set_value("typed");
    common::dispatch(&input, "input");
    user.set("bob".to_string());
    assert_eq!(text(&find(&container, ".page")), "Hello ann / typed");
    assert_eq!(text(&find(&container, ".plain")), "ann!");
    assert_eq!(PAGE_BUILDS.with(|c| c.get()), 1);
    assert_eq!(PLAIN_BUILDS.with(|c| c.get()), 1);
    handle.unmount();
}

#[component(transparent)]
fn TrackedLabel() -> impl IntoView {
    let user = expect_context::<RwSignal<String>>();
    format!("label {}", user.get())
}

/// A transparent component's body is tracked, as in 0.6 (which calls it as
/// a plain function): a dynamic child that calls it follows what it reads.
#[wasm_bindgen_test]
fn transparent_component_bodies_are_tracked() {
    let container = test_container();
    let user = create_rw_signal("ann".to_string());
    let handle = mount_to_with_handle(container.clone(), move || {
        provide_context(user);
        view! { <p class="label">{TrackedLabel}</p> }
    });
    user.set("bob".to_string());
    assert_eq!(text(&find(&container, ".label")), "label bob");
    handle.unmount();
}

#[component]
fn CardShell(children: Children) -> impl IntoView {
    view! { <div class="card-shell">{children()}</div> }
}

/// `on:` on a component is a listener on its root, as Leptos 0.6 makes it:
/// it runs before the delegated handlers inside, which cannot stop it.
#[wasm_bindgen_test]
fn a_components_on_runs_before_the_handlers_inside_it() {
    let container = test_container();
    let (log, set_log) = create_signal(Vec::<&'static str>::new());
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <CardShell on:click=move |_| set_log.update(|l| l.push("select"))>
                <button on:click=move |ev| {
                    ev.stop_propagation();
                    set_log.update(|l| l.push("delete"));
                }>"x"</button>
            </CardShell>
        }
    });
    click(&find(&container, "button"));
    assert_eq!(log.get_untracked(), ["select", "delete"]);
    handle.unmount();
}

/// The built-in components' props have Leptos 0.6's field types, so code
/// that builds them as struct literals ports (probe helper-108: rust-sql's
/// builder UI writes `ShowProps { when: move || .., .. }`, leptonic's
/// `LinkButton` builds `AProps` from its own `Oco` and `AttributeValue`
/// props, and a copy of 0.6's `Transition` passes `SuspenseProps` children
/// returning a `View` and asks `SuspenseContext::has_local_only`).
#[wasm_bindgen_test]
fn built_in_props_as_leptos_06_struct_literals() {
    use larkspur::router::{AProps, Router, RouterProps, A};
    common::set_url("/");
    let c = test_container();
    let (on, set_on) = create_signal(true);
    let handle = mount_to_with_handle(c.clone(), move || {
        let link_class: Option<AttributeValue> = Some(Box::new("link"));
        let children = move || {
            let show = Show(ShowProps {
                children: ChildrenFn::to_children(|| Fragment::new(vec!["shown".into_view()])),
                when: move || on.get(),
                fallback: ViewFn::from(|| "hidden"),
            });
            let link = A(AProps {
                href: "/",
                target: None,
                exact: true,
                active_class: Some(Oco::Borrowed("here")),
                state: None,
                replace: false,
                class: link_class,
                id: Some("home".into()),
                attributes: vec![("title", "Home".into_attribute())],
                children: Box::new(|| Fragment::new(vec!["go".into_view()])),
            });
            let suspense = Suspense(SuspenseProps {
                fallback: ViewFn::from(|| "wait"),
                children: std::rc::Rc::new(|| view! { <i>"suspended"</i> }.into_view()),
            });
            let transition = Transition(TransitionProps {
                fallback: ViewFn::default(),
                set_pending: None,
                children: Box::new(|| Fragment::new(vec!["moved".into_view()])),
            });
            Fragment::new(vec![
                show.into_view(),
                link.into_view(),
                suspense,
                transition,
            ])
        };
        Router(
            RouterProps::builder()
                .children(ToChildren::to_children(children))
                .build(),
        )
    });
    assert_eq!(text(&c), "showngosuspendedmoved");
    let a = find(&c, "#home");
    assert_eq!(a.get_attribute("class").as_deref(), Some("link here"));
    assert_eq!(a.get_attribute("title").as_deref(), Some("Home"));
    set_on.set(false);
    assert_eq!(text(&c), "hiddengosuspendedmoved");
    handle.unmount();

    let suspense = SuspenseContext::new();
    assert!(!suspense.has_local_only() && !suspense.has_any_local());
    suspense.add_pending();
    assert!(suspense.has_local_only() && suspense.has_any_local());
    assert!(!suspense.should_block());
    let global = GlobalSuspenseContext::new();
    global.with_inner(|s| s.add_pending());
    assert_eq!(global.with_inner(|s| s.pending()), 1);
    global.reset();
    assert_eq!(global.with_inner(|s| s.pending()), 0);
}
