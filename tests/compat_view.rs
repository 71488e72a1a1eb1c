//! `view!` syntax from Leptos 0.6 apps, written as those apps write it:
//! unquoted text, `{..attrs}` spreads, `use:` directives, `on:` and `attr:`
//! on components, slots, `class=("name", signal)`, `template!`.
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, find, find_all, test_container, text, tick};
use larkspur::wasm_bindgen::JsCast;
use larkspur::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn unquoted_text_renders_like_quoted_text() {
    let container = test_container();
    let name = "Ada";
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="plain">Some text</p>
            <p id="mixed">Hello "there" {name}</p>
            <p id="punct">Hello, world! (It works.)</p>
            <div id="templated"><span>a</span> middle <em>c</em></div>
        }
    });
    assert_eq!(text(&find(&container, "#plain")), "Some text");
    // A gap in the source is one space; touching tokens stay together.
    assert_eq!(text(&find(&container, "#mixed")), "Hello thereAda");
    assert_eq!(
        text(&find(&container, "#punct")),
        "Hello, world! (It works.)"
    );
    assert_eq!(text(&find(&container, "#templated")), "a middle c");
    handle.unmount();
}

#[wasm_bindgen_test]
fn spread_attributes_and_handlers() {
    let container = test_container();
    let (count, set_count) = create_signal(0);
    let handle = mount_to_with_handle(container.clone(), move || {
        let attrs: Vec<(&'static str, Attribute)> = vec![
            ("id", "spread".into_attribute()),
            (
                "data-count",
                (move || count.get().to_string()).into_attribute(),
            ),
            ("hidden", false.into_attribute()),
        ];
        view! {
            <button {..attrs} {..(ev::click, move |_| set_count.update(|n| *n += 1))}>"+1"</button>
        }
    });
    let button = find(&container, "#spread");
    assert_eq!(button.get_attribute("data-count").as_deref(), Some("0"));
    assert!(!button.has_attribute("hidden"));
    click(&button);
    click(&button);
    assert_eq!(count.get_untracked(), 2);
    assert_eq!(button.get_attribute("data-count").as_deref(), Some("2"));
    handle.unmount();
}

fn mark(el: web_sys::Element) {
    el.set_attribute("data-marked", "yes").unwrap();
}

fn tooltip(el: HtmlElement<html::Custom>, text: &'static str) {
    el.dom_element().set_attribute("title", text).unwrap();
}

#[wasm_bindgen_test]
async fn directives_run_on_their_element() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <div>
                <p id="a" use:mark>"a"</p>
                <p id="b" use:tooltip="details" use:mark>"b"</p>
            </div>
        }
    });
    // Directives run in an effect, after the update that built them.
    tick().await;
    assert_eq!(
        find(&container, "#a")
            .get_attribute("data-marked")
            .as_deref(),
        Some("yes")
    );
    let b = find(&container, "#b");
    assert_eq!(b.get_attribute("title").as_deref(), Some("details"));
    assert_eq!(b.get_attribute("data-marked").as_deref(), Some("yes"));
    handle.unmount();
}

#[component]
fn Card(
    #[prop(attrs)] attributes: Vec<(&'static str, Attribute)>,
    children: Children,
) -> impl IntoView {
    view! { <div class="card" {..attributes}>{children()}</div> }
}

#[component]
fn Pair() -> impl IntoView {
    view! { <span class="pair">"one"</span> <span class="pair">"two"</span> }
}

#[wasm_bindgen_test]
fn events_and_attributes_on_components() {
    let container = test_container();
    let (clicks, set_clicks) = create_signal(0);
    let handle = mount_to_with_handle(container.clone(), move || {
        let extra: Vec<(&'static str, Attribute)> = vec![("data-extra", "1".into_attribute())];
        view! {
            <Card attr:id="card" attr:title="a card" {..extra} on:click=move |_| set_clicks.update(|n| *n += 1)>
                <b>"inside"</b>
            </Card>
            <Pair on:click=move |_| set_clicks.update(|n| *n += 10)/>
        }
    });
    let card = find(&container, "#card");
    assert_eq!(card.get_attribute("class").as_deref(), Some("card"));
    assert_eq!(card.get_attribute("title").as_deref(), Some("a card"));
    assert_eq!(card.get_attribute("data-extra").as_deref(), Some("1"));
    // A click inside the component's root reaches the handler.
    click(&find(&container, "#card b"));
    assert_eq!(clicks.get_untracked(), 1);
    // Every root element of a fragment gets the handler.
    for pair in find_all(&container, ".pair") {
        click(&pair);
    }
    assert_eq!(clicks.get_untracked(), 21);
    handle.unmount();
    // Disposed with the view: no more counting.
    click(&card);
    assert_eq!(clicks.get_untracked(), 21);
}

#[slot]
struct Then {
    children: ChildrenFn,
}

#[slot]
struct ElseIf {
    #[prop(into)]
    cond: MaybeSignal<bool>,
    children: ChildrenFn,
}

#[component]
fn If(
    #[prop(into)] condition: MaybeSignal<bool>,
    then: Then,
    #[prop(optional)] else_if: Vec<ElseIf>,
    #[prop(optional)] fallback: Option<ChildrenFn>,
) -> impl IntoView {
    move || {
        if condition.get() {
            (then.children)().into_view()
        } else if let Some(branch) = else_if.iter().find(|b| b.cond.get()) {
            (branch.children)().into_view()
        } else {
            fallback
                .as_ref()
                .map(|f| f().into_view())
                .unwrap_or_default()
        }
    }
}

#[wasm_bindgen_test]
fn slots_fill_props_of_the_parent() {
    let container = test_container();
    let (n, set_n) = create_signal(5);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="out">
                <If condition=Signal::derive(move || n.get() > 10)>
                    <Then slot>"big"</Then>
                    <ElseIf slot cond=Signal::derive(move || n.get() > 5)>"medium"</ElseIf>
                    <ElseIf slot cond=Signal::derive(move || n.get() > 0)>"small"</ElseIf>
                </If>
            </p>
        }
    });
    let out = find(&container, "#out");
    assert_eq!(text(&out), "small");
    set_n.set(7);
    assert_eq!(text(&out), "medium");
    set_n.set(20);
    assert_eq!(text(&out), "big");
    set_n.set(0);
    assert_eq!(text(&out), "");
    handle.unmount();
}

/// A slot declared in another module: its fields take the struct's
/// visibility (Leptos 0.6), so the parent builds and reads it directly.
mod icons {
    use larkspur::*;

    #[slot]
    pub(crate) struct SelectIcon {
        children: ChildrenFn,
    }
}

#[wasm_bindgen_test]
fn slot_fields_take_the_structs_visibility() {
    let icon = icons::SelectIcon {
        children: std::rc::Rc::new(|| Fragment::new(vec!["v".into_view()])),
    };
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || (icon.children)());
    assert_eq!(container.text_content().unwrap(), "v");
    handle.unmount();
}

#[wasm_bindgen_test]
fn a_block_child_with_a_cfg_attribute_stays_a_block() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <p id="cfg">
                "a"
                {#[cfg(target_arch = "wasm32")] { view! { <b>"b"</b> } }}
                {#[cfg(not(target_arch = "wasm32"))] { view! { <i>"never"</i> } }}
                "c"
            </p>
        }
    });
    let p = find(&container, "#cfg");
    assert_eq!(text(&p), "abc");
    assert!(p.query_selector("b").unwrap().is_some());
    assert!(p.query_selector("i").unwrap().is_none());
    handle.unmount();
}

/// A `Callback<_, View>` prop fed a closure returning markup, called with
/// call syntax (Leptos 0.6: `T: Into<Out>`, and `cb(x)` on nightly).
#[component]
fn Tabs(count: usize, #[prop(into)] render: Callback<usize, View>) -> impl IntoView {
    (0..count)
        .map(|i| view! { <span>{render(i)}</span> })
        .collect_view()
}

#[wasm_bindgen_test]
fn a_view_callback_takes_a_closure_returning_markup() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! { <div id="tabs"><Tabs count=2 render=|i| view! { "tab " {i} }/></div> }
    });
    assert_eq!(text(&find(&container, "#tabs")), "tab 0tab 1");
    handle.unmount();
}

/// A directive implemented on a type of its own, with Leptos 0.6's
/// signature (leptos_i18n's `use:i18n`).
#[derive(Clone, Copy)]
struct Stamp;

impl Directive<Stamp, &'static str> for Stamp {
    fn run(&self, el: HtmlElement<html::AnyElement>, param: &'static str) {
        let _ = el.set_attribute("data-stamp", param);
    }
}

#[wasm_bindgen_test]
async fn a_directive_type_of_its_own_runs_with_the_0_6_signature() {
    let stamp = Stamp;
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! { <p id="stamped" use:stamp="ok">"x"</p> }
    });
    // Directives run in an effect, after the update that built them.
    tick().await;
    assert_eq!(
        find(&container, "#stamped")
            .get_attribute("data-stamp")
            .as_deref(),
        Some("ok")
    );
    // `run_as_child` scopes a context to what it builds.
    let seen = create_root(|_| {
        run_as_child(|| {
            provide_context(5u8);
            use_context::<u8>()
        })
    });
    assert_eq!(seen, Some(5));
    handle.unmount();
}

#[wasm_bindgen_test]
fn class_tuple_and_template_alias() {
    let container = test_container();
    let (on, set_on) = create_signal(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="box" class="base" class=("is-on", on) class=("a-b:c", move || !on.get())>"x"</div>
            {template! { <p id="tpl">From template</p> }}
        }
    });
    let el = find(&container, "#box");
    let classes = || el.class_name();
    assert!(
        classes().contains("base") && classes().contains("a-b:c") && !classes().contains("is-on")
    );
    set_on.set(true);
    assert!(classes().contains("is-on") && !classes().contains("a-b:c"));
    assert_eq!(text(&find(&container, "#tpl")), "From template");
    // The re-exported crates are the ones the framework uses.
    let _: larkspur::web_sys::Element = el.clone().unchecked_into();
    handle.unmount();
}

/// A directive parameter with conversions, as Leptos 0.6's directives
/// example writes it: `use:add_dot` and `use:add_dot=5` both reach
/// `Amount` through `Into`.
#[derive(Clone)]
struct Amount(usize);

impl From<usize> for Amount {
    fn from(n: usize) -> Self {
        Amount(n)
    }
}

impl From<()> for Amount {
    fn from(_: ()) -> Self {
        Amount(1)
    }
}

fn add_dots(el: HtmlElement<html::AnyElement>, amount: Amount) {
    let el = el.dom_element();
    let text = el.text_content().unwrap_or_default();
    el.set_text_content(Some(&format!("{text}{}", ".".repeat(amount.0))));
}

#[component]
fn TwoRoots() -> impl IntoView {
    view! { <p class="root">"one"</p> "text" <p class="root">"two"</p> }
}

#[wasm_bindgen_test]
async fn directive_values_convert_and_directives_reach_component_roots() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <div>
                <p id="one" use:add_dots>"a"</p>
                <p id="five" use:add_dots=5>"b"</p>
                <TwoRoots use:mark use:add_dots=2/>
            </div>
        }
    });
    // Directives run in an effect, after the update that built them.
    tick().await;
    assert_eq!(text(&find(&container, "#one")), "a.");
    assert_eq!(text(&find(&container, "#five")), "b.....");
    let roots = find_all(&container, "p.root");
    assert_eq!(roots.len(), 2);
    for (root, expected) in roots.iter().zip(["one..", "two.."]) {
        assert_eq!(root.get_attribute("data-marked").as_deref(), Some("yes"));
        assert_eq!(text(root), expected);
    }
    handle.unmount();
}

#[wasm_bindgen_test]
fn wide_integer_properties_and_signal_constructors() {
    let container = test_container();
    let interval = RwSignal::new(1_000u64);
    let big = StoredValue::new(u64::MAX);
    let refresh = Trigger::new();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <input id="ms" prop:value=interval/>
            <input id="count" type="number" prop:valueAsNumber=7usize/>
            <input id="big" prop:value=big.get_value()/>
            <p id="runs">{move || { refresh.track(); interval.get() / 1_000 }}</p>
        }
    });
    let input = |id: &str| {
        find(&container, id)
            .dyn_into::<web_sys::HtmlInputElement>()
            .unwrap()
    };
    assert_eq!(input("#ms").value(), "1000");
    assert_eq!(input("#count").value_as_number(), 7.0);
    // Past 2^53 the exact digits, as text.
    assert_eq!(input("#big").value(), "18446744073709551615");
    interval.set(5_000);
    assert_eq!(input("#ms").value(), "5000");
    assert_eq!(text(&find(&container, "#runs")), "5");
    handle.unmount();
}

/// `children().nodes`, the 0.6 way to wrap each child.
#[component]
fn Wrapped(children: Children) -> impl IntoView {
    children()
        .nodes
        .into_iter()
        .map(|child| view! { <li>{child}</li> })
        .collect_view()
}

#[wasm_bindgen_test]
fn fragment_nodes_are_public() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! { <ul><Wrapped><b>"a"</b><i>"b"</i></Wrapped></ul> }
    });
    assert_eq!(find_all(&container, "ul > li").len(), 2);
    assert_eq!(text(&find(&container, "ul")), "ab");
    handle.unmount();
}

/// Leptos 0.6.11's spreading of typed handlers and mixed bindings.
#[wasm_bindgen_test]
fn typed_handlers_and_bindings_spread() {
    let container = test_container();
    let clicks = RwSignal::new(0);
    let keys = RwSignal::new(String::new());
    let handle = mount_to_with_handle(container.clone(), move || {
        let handlers = vec![
            EventHandlerFn::Click(Box::new(move |_| clicks.update(|n| *n += 1))),
            EventHandlerFn::Keydown(Box::new(move |e| keys.set(e.key()))),
        ];
        let name = String::from("data-runtime");
        // `html::Binding`, 0.6's own path for the type.
        let bindings: Vec<html::Binding> = vec![
            ("aria-label", "Save".into_attribute()).into(),
            Binding::Attribute {
                name: Oco::Owned(name),
                value: (move || clicks.get().to_string()).into_attribute(),
            },
            EventHandlerFn::Click(Box::new(move |_| clicks.update(|n| *n += 10))).into(),
        ];
        view! {
            <button id="typed" {..handlers}>"a"</button>
            <button id="mixed" {..bindings}>"b"</button>
        }
    });
    let typed = find(&container, "#typed");
    click(&typed);
    assert_eq!(clicks.get_untracked(), 1);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &{
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Enter");
        init.set_bubbles(true);
        init
    })
    .unwrap();
    typed.dispatch_event(&key).unwrap();
    assert_eq!(keys.get_untracked(), "Enter");

    let mixed = find(&container, "#mixed");
    assert_eq!(mixed.get_attribute("aria-label").as_deref(), Some("Save"));
    assert_eq!(mixed.get_attribute("data-runtime").as_deref(), Some("1"));
    click(&mixed);
    assert_eq!(clicks.get_untracked(), 11);
    assert_eq!(mixed.get_attribute("data-runtime").as_deref(), Some("11"));
    handle.unmount();
}

/// Leptos 0.6 (as its book writes it, on nightly) passes signals and memos
/// where a function is expected; a `style=("--name", value)` tuple sets one
/// style property.
#[wasm_bindgen_test]
async fn signals_stand_where_sources_are_expected() {
    let container = test_container();
    let (count, set_count) = create_signal(1u32);
    let odd = create_memo(move |_| count.get() % 2 == 1);
    let (items, set_items) = create_signal(vec![1u32, 2]);
    let handle = mount_to_with_handle(container.clone(), move || {
        let doubled = create_resource(count, |n| async move { n * 2 });
        let selected = create_selector(count);
        view! {
            <Show when=odd fallback=|| view! { <p id="even">"even"</p> }>
                <p id="odd">"odd"</p>
            </Show>
            <ul style=("--columns", move || count.get().to_string())>
                <For each=items key=|n| *n let:n>
                    <li class:on=move || selected.selected(n)>{n}</li>
                </For>
            </ul>
            <p id="doubled">{move || doubled.get().map(|n| n.to_string())}</p>
        }
    });
    let columns = || {
        find(&container, "ul")
            .style()
            .get_property_value("--columns")
            .unwrap()
    };
    common::let_tasks_run().await;
    assert_eq!(find_all(&container, "#odd").len(), 1);
    assert_eq!(text(&find(&container, "ul")), "12");
    assert_eq!(find_all(&container, "li.on").len(), 1);
    assert_eq!(columns(), "1");
    assert_eq!(text(&find(&container, "#doubled")), "2");

    set_count.set(2);
    set_items.set(vec![2, 3, 4]);
    common::let_tasks_run().await;
    assert_eq!(find_all(&container, "#even").len(), 1);
    assert_eq!(text(&find(&container, "ul")), "234");
    assert_eq!(text(&find(&container, "li.on")), "2");
    assert_eq!(columns(), "2");
    assert_eq!(text(&find(&container, "#doubled")), "4");
    handle.unmount();
}

#[wasm_bindgen_test]
fn watch_takes_a_signal_and_macros_read_and_update_several() {
    let (count, set_count) = create_signal(1);
    let seen = RwSignal::new(Vec::new());
    let stop = watch(count, move |n, _, _| seen.update(|s| s.push(*n)), false);
    set_count.set(2);
    stop();
    set_count.set(3);
    assert_eq!(seen.get_untracked(), [2]);

    let first = RwSignal::new(String::from("Ada"));
    let last = RwSignal::new(String::from("Lovelace"));
    update!(|first, last| {
        first.push('!');
        last.push('!');
    });
    assert_eq!(
        with!(|first, last| format!("{first} {last}")),
        "Ada! Lovelace!"
    );
}

#[component]
fn CallbackButton(#[prop(into)] on_click: Callback<ev::MouseEvent>) -> impl IntoView {
    // Leptos 0.6 (nightly) passes the callback itself as the handler.
    view! { <button id="cb" on:click=on_click>"cb"</button> }
}

fn count_click(_: ev::MouseEvent) {
    FN_CLICKS.with(|n| n.set(n.get() + 1));
}

thread_local! {
    static FN_CLICKS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

#[wasm_bindgen_test]
fn handlers_may_be_callbacks_named_closures_or_functions() {
    let container = test_container();
    let clicks = RwSignal::new(0);
    let handle = mount_to_with_handle(container.clone(), move || {
        let named = move |_| clicks.update(|n| *n += 10);
        view! {
            <CallbackButton on_click=move |_| clicks.update(|n| *n += 1)/>
            <button id="named" on:click=named>"named"</button>
            <button id="function" on:click=count_click>"fn"</button>
        }
    });
    click(&find(&container, "#cb"));
    assert_eq!(clicks.get_untracked(), 1);
    click(&find(&container, "#named"));
    assert_eq!(clicks.get_untracked(), 11);
    click(&find(&container, "#function"));
    assert_eq!(FN_CLICKS.with(|n| n.get()), 1);
    handle.unmount();
}

/// The book's uncontrolled input: the node ref called as a function.
#[wasm_bindgen_test]
fn node_refs_can_be_called() {
    let container = test_container();
    let (name, set_name) = create_signal(String::new());
    let handle = mount_to_with_handle(container.clone(), move || {
        let input_element: NodeRef<html::Input> = create_node_ref();
        let on_submit = move |ev: ev::SubmitEvent| {
            ev.prevent_default();
            let value = input_element().expect("<input> should be mounted").value();
            set_name.set(value);
        };
        view! {
            <form on:submit=on_submit>
                <input type="text" value="Uncontrolled" node_ref=input_element/>
                <input type="submit" id="go" value="Submit"/>
            </form>
        }
    });
    click(&find(&container, "#go"));
    assert_eq!(name.get_untracked(), "Uncontrolled");
    handle.unmount();
}

/// Leptos 0.6 names a snake_case component function in UpperCamelCase.
#[component]
fn top_bar(title: &'static str) -> impl IntoView {
    view! {
        <header id="top">{title}</header>
    }
}

#[component]
fn plain_footer() -> impl IntoView {
    view! { <footer id="bottom">"end"</footer> }
}

#[wasm_bindgen_test]
fn snake_case_components_and_closed_void_elements() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <TopBar title="Demos"/>
            <form id="f">
                <input type="text" name="q"></input>
                <br></br>
            </form>
            <PlainFooter/>
        }
    });
    assert_eq!(text(&find(&container, "#top")), "Demos");
    assert_eq!(text(&find(&container, "#bottom")), "end");
    let form = find(&container, "#f");
    assert_eq!(form.child_element_count(), 2);
    let _props: TopBarProps = TopBarProps::builder().title("x").build();
    handle.unmount();
}

/// `view! { class = style, ... }`: every element of the view gets the class
/// (scoped-CSS crates generate one per component).
#[wasm_bindgen_test]
fn a_view_wide_class_reaches_every_element() {
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        let style = "scoped-1a2b";
        view! {
            class = style,
            <section id="g" class="own">
                <p id="gp">"x"</p>
            </section>
        }
    });
    assert_eq!(find(&container, "#g").class_name(), "own scoped-1a2b");
    assert_eq!(find(&container, "#gp").class_name(), "scoped-1a2b");
    assert_eq!(text(&find(&container, "#g")), "x");
    handle.unmount();
}

/// leptonic's typography: list items as a slot holding `ChildrenFn`,
/// placed with `{item.children}`.
#[slot]
struct Li {
    children: ChildrenFn,
}

#[component]
fn Ul(#[prop(optional)] li: Vec<Li>) -> impl IntoView {
    view! { <ul>{li.into_iter().map(|item| view! { <li>{item.children}</li> }).collect_view()}</ul> }
}

#[wasm_bindgen_test]
fn shared_children_views_format_args_and_default_error_keys() {
    let container = test_container();
    let (n, set_n) = create_signal(1);
    let _h = mount_to_with_handle(container.clone(), move || {
        let built = view! { <b id="built">"once"</b> }.into_view();
        let again = &built;
        view! {
            <Ul>
                <Li slot>"first"</Li>
                <Li slot>{move || n.get()}</Li>
            </Ul>
            <p id="args">{format_args!("{} and {}", "this", 2)}</p>
            <div>{again}</div>
        }
    });
    let items: Vec<String> = find_all(&container, "li")
        .iter()
        .map(|li| li.text_content().unwrap())
        .collect();
    assert_eq!(items, ["first", "1"]);
    set_n.set(2);
    assert_eq!(find_all(&container, "li")[1].text_content().unwrap(), "2");
    assert_eq!(
        find(&container, "#args").text_content().unwrap(),
        "this and 2"
    );
    assert_eq!(find(&container, "#built").text_content().unwrap(), "once");

    // The template-csr idiom: a router fallback reporting "not found".
    let mut errors = Errors::default();
    errors.insert_with_default_key(std::fmt::Error);
    errors.insert_with_default_key(std::fmt::Error);
    assert_eq!(errors.len(), 1, "one default key");
    assert_eq!(ErrorKey::default().to_string(), "");
}

/// leptonic's button: lint attributes on component parameters.
#[component]
fn Quiet(#[allow(unused)] label: &'static str, #[prop(optional)] count: u32) -> impl IntoView {
    view! { <i>{count}</i> }
}

#[wasm_bindgen_test]
fn namespaced_attributes_are_set_as_written_and_params_take_lints() {
    let container = test_container();
    let (name, set_name) = create_signal("first");
    let _h = mount_to_with_handle(container.clone(), move || {
        view! {
            <leptonic-tab data:name="tab-1" data:for-name=move || name.get()></leptonic-tab>
            <svg><g inkscape:label="Layer 1"></g></svg>
            <div id="static" data:name="tab-2"></div>
            <Quiet label="x" count=3/>
        }
    });
    let tab = find(&container, "leptonic-tab");
    assert_eq!(tab.get_attribute("data:name").as_deref(), Some("tab-1"));
    assert_eq!(tab.get_attribute("data:for-name").as_deref(), Some("first"));
    set_name.set("second");
    assert_eq!(
        tab.get_attribute("data:for-name").as_deref(),
        Some("second")
    );
    assert_eq!(
        find(&container, "#static")
            .get_attribute("data:name")
            .as_deref(),
        Some("tab-2")
    );
    assert_eq!(
        find(&container, "g")
            .get_attribute("inkscape:label")
            .as_deref(),
        Some("Layer 1")
    );
    assert_eq!(find(&container, "i").text_content().unwrap(), "3");
}

/// A directive runs in an effect, as in Leptos 0.6: after its element is in
/// the page (so `focus()` works), and again when a signal it read changes
/// (leptos_i18n's `use:i18n` keeps `lang` current this way).
#[wasm_bindgen_test]
async fn directives_rerun_with_their_signals_and_see_the_mounted_element() {
    let container = test_container();
    let lang = create_rw_signal("en");
    let set_lang = move |el: HtmlElement<html::AnyElement>, _: ()| {
        let _ = el.attr("lang", lang.get());
    };
    let autofocus = |el: HtmlElement<html::AnyElement>| {
        let _ = el.focus();
    };
    let handle = mount_to_with_handle(container.clone(), move || {
        view! { <div id="d" use:set_lang>"x"</div> <input id="af" use:autofocus/> }
    });
    tick().await;
    let d = find(&container, "#d");
    assert_eq!(d.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        document().active_element().map(|e| e.id()).as_deref(),
        Some("af")
    );
    lang.set("fr");
    tick().await;
    assert_eq!(d.get_attribute("lang").as_deref(), Some("fr"));
    handle.unmount();
    // Gone with its owner: no more runs.
    lang.set("de");
    tick().await;
    assert_eq!(d.get_attribute("lang").as_deref(), Some("fr"));
}

/// As in Leptos 0.6 (checked against it): `class:`/`style:` apply after the
/// plain attributes, so a dynamic `class=`/`style=` written after them does
/// not wipe them; a bare attribute is written empty and `=true` as its
/// name.
#[wasm_bindgen_test]
fn class_and_style_directives_survive_dynamic_class_and_style_attributes() {
    let container = test_container();
    let (on, set_on) = create_signal(true);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <div id="d" style:width=move || "1px" style=move || "height: 3px"
                class:extra=on class=move || "a">"x"</div>
            <input id="bare" type="checkbox" checked/>
            <input id="true" type="checkbox" checked=true/>
            <button id="b1" disabled>"x"</button>
            <button id="b2" disabled=true>"y"</button>
        }
    });
    let d = find(&container, "#d");
    assert_eq!(d.class_name(), "a extra");
    let style = d.get_attribute("style").unwrap_or_default();
    assert!(
        style.contains("height: 3px") && style.contains("width: 1px"),
        "{style}"
    );
    set_on(false);
    assert_eq!(d.class_name(), "a");
    set_on(true);
    assert_eq!(d.class_name(), "a extra");
    let attr = |id: &str, name: &str| find(&container, id).get_attribute(name);
    assert_eq!(attr("#bare", "checked").as_deref(), Some(""));
    assert_eq!(attr("#true", "checked").as_deref(), Some("checked"));
    assert_eq!(attr("#b1", "disabled").as_deref(), Some(""));
    assert_eq!(attr("#b2", "disabled").as_deref(), Some("disabled"));
    handle.unmount();
}

/// An effect that appends to a log signal it reads runs once per change,
/// as in Leptos 0.6 (it used to run until the cycle guard stopped it).
#[wasm_bindgen_test]
async fn an_effect_appending_to_a_signal_it_reads_runs_once_per_change() {
    let value = create_rw_signal(0);
    let history = create_rw_signal(Vec::<i32>::new());
    let runs = std::rc::Rc::new(std::cell::Cell::new(0));
    let r = runs.clone();
    create_effect(move |_| {
        r.set(r.get() + 1);
        let mut h = history.get();
        h.push(value.get());
        history.set(h);
    });
    tick().await;
    value.set(1);
    assert_eq!((runs.get(), history.get_untracked()), (2, vec![0, 1]));
}

/// `leptos_dom::IntoFragment`, `Fragment: FromIterator<View>` and
/// `leptos_dom::is_dev`, reached through the crate's `larkspur_dom` path as
/// Leptos 0.6 apps reach them through `leptos::leptos_dom`.
#[wasm_bindgen_test]
fn into_fragment_and_build_mode() {
    use larkspur::larkspur_dom::IntoFragment;
    let items = ["a", "b"].map(|s| view! { <li>{s}</li> }).into_fragment();
    assert_eq!(items.nodes.len(), 2);
    let collected: Fragment = vec!["c", "d"]
        .into_iter()
        .map(IntoView::into_view)
        .collect();
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), move || {
        view! { <ul>{items}</ul> <p>{collected}</p> }
    });
    assert_eq!(
        container.inner_html(),
        "<ul><li>a</li><li>b</li></ul><p>cd</p>"
    );
    assert_eq!(larkspur::larkspur_dom::is_dev(), cfg!(debug_assertions));
    assert!(larkspur::larkspur_dom::is_release() != larkspur::larkspur_dom::is_dev());
    handle.unmount();
}

/// A type that renders itself as 0.6 code writes it by hand:
/// `View::Text(leptos_dom::Text::new(..))`.
struct Name(&'static str);

impl IntoView for Name {
    fn into_view(self) -> View {
        View::Text(larkspur::larkspur_dom::Text::new(self.0.into()))
    }
}

/// `leptos_dom::{Text, Element}` and `html::text` (probe30): a hand-built
/// text view, a text node as a builder child, and `View::Element` matched
/// with the element type named through the renderer crate.
#[wasm_bindgen_test]
fn hand_built_text_views_and_the_renderer_crates_element() {
    use larkspur::larkspur_dom::Element;
    let container = test_container();
    let handle = mount_to_with_handle(container.clone(), || {
        view! {
            <p id="name">{Name("Ada")}</p>
            {html::p().attr("id", "built").child(html::text("from html::text"))}
        }
    });
    assert_eq!(text(&find(&container, "#name")), "Ada");
    assert_eq!(text(&find(&container, "#built")), "from html::text");
    let view = view! { <em>"x"</em> }.into_view();
    let View::Element(el) = &view else {
        panic!("one element is View::Element: {view:?}")
    };
    let el: &Element = el;
    assert_eq!(el.tag_name(), "EM");
    let node = html::text("t");
    assert_eq!(node.text_content().as_deref(), Some("t"));
    drop(handle);
}

/// A view walker as 0.6 libraries write it (leptos_animated_for's
/// `extract_el_from_view`): the `View::Component` arm compiles and never
/// runs; a component's element comes through the other arm.
fn element_of(view: &View) -> Option<web_sys::HtmlElement> {
    match view {
        View::Component(component) => {
            let first = component.children.first()?.clone();
            first
                .into_html_element()
                .ok()?
                .dyn_ref::<web_sys::HtmlElement>()
                .cloned()
        }
        view => view
            .clone()
            .into_html_element()
            .ok()?
            .dyn_ref::<web_sys::HtmlElement>()
            .cloned(),
    }
}

#[component]
fn Panel() -> impl IntoView {
    view! { <section class="card">"card"</section> }
}

#[wasm_bindgen_test]
fn a_0_6_view_walker_finds_a_components_element() {
    let _root = create_runtime();
    let view = view! { <Panel/> }.into_view();
    let el = element_of(&view).expect("the component's element");
    assert_eq!(el.class_name(), "card");
}

/// Attributes written after `node_ref=` are set after the node ref loads,
/// as 0.6 writes them in source order (probe31: leptos-use's
/// `use_css_var_with_options(.., target(node_ref))` rewrites the variable
/// when the ref loads, and the inline `style` written after `node_ref=`
/// must win). Those before it are on the element already.
#[wasm_bindgen_test]
fn literals_after_node_ref_are_set_after_it_loads() {
    let container = test_container();
    let seen = std::rc::Rc::new(std::cell::RefCell::new(Vec::new()));
    let s = seen.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let r = create_node_ref::<html::Div>();
        create_render_effect(move |_| {
            if let Some(el) = r.get() {
                let el: &web_sys::HtmlElement = &el;
                s.borrow_mut()
                    .push((el.get_attribute("class"), el.get_attribute("style")));
                el.style().set_property("--v", "from-load").unwrap();
            }
        });
        view! { <div class="t" node_ref=r style="--v: #abc">"t"</div> }
    });
    assert_eq!(*seen.borrow(), [(Some("t".to_string()), None)]);
    assert_eq!(
        find(&container, ".t").get_attribute("style").as_deref(),
        Some("--v: #abc"),
        "the literal after node_ref= wins"
    );
    drop(handle);
}

// ---- probe38: 0.6 forms that did not compile or rendered differently ----

#[component]
fn Plain(label: &'static str) -> impl IntoView {
    view! { <b class="plain">{label}</b> }
}

#[component]
fn LabelFor(r#for: &'static str) -> impl IntoView {
    view! { <label for=r#for>"name"</label> }
}

#[component]
fn TwoArgs<F, IV>(children: F) -> impl IntoView
where
    F: Fn(i32, String) -> IV + 'static,
    IV: IntoView,
{
    children(7, "seven".to_string())
}

#[slot]
struct Column<T: Clone + 'static> {
    value: T,
}

#[component]
fn Columns(column: Vec<Column<i32>>) -> impl IntoView {
    column
        .into_iter()
        .map(|c| view! { <td>{c.value}</td> })
        .collect_view()
}

fn hand_built_fragment() -> Fragment {
    view! { <><i>"one"</i><i>"two"</i></> }
}

#[wasm_bindgen_test]
fn leptos_06_class_arrays_component_attrs_fragments_slots_and_lets() {
    let container = test_container();
    let (on, set_on) = create_signal(false);
    let loads = std::rc::Rc::new(std::cell::Cell::new(0));
    let counted = loads.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let attrs: Vec<(&'static str, Attribute)> = vec![
            ("title", "spread".into_attribute()),
            ("id", "sp".into_attribute()),
        ];
        let children: Box<dyn Fn() -> Fragment> = Box::new(|| view! { <><u>"boxed"</u></> });
        let counted = counted.clone();
        view! {
            // The array form of the class tuple: each name toggled.
            <div id="arr" class=(["tw-a", "tw-b"], move || on.get())></div>
            // `attr:` and a spread on components that take no attributes:
            // ignored, as 0.6 ignores them.
            <Plain label="p" attr:class="ignored"/>
            <Plain label="q" {..vec![("data-x", "1".into_attribute())]}/>
            <Show when=move || true attr:class="ignored">"shown"</Show>
            // A spread wins over a keyed attribute wherever it is written.
            <div {..attrs} title="later" data-k="kept"></div>
            // As in 0.6, `class:` applies after a spread's `class`.
            <div id="spread-class" class:on=true {..vec![("class", "b".into_attribute())]}></div>
            <div id="frag">{hand_built_fragment()}{children()}</div>
            <table><tr id="cols">
                <Columns><Column slot value=1/><Column slot value=2/></Columns>
            </tr></table>
            <p id="pair"><TwoArgs let:n let:s>{n} "/" {s}</TwoArgs></p>
            // `let:_` for an argument the children ignore (thaw 0.3 writes it).
            <p id="ignored"><TwoArgs let:_ let:s>{s}</TwoArgs></p>
            <p id="fmt" title=format_args!("{} items", 3)></p>
            <LabelFor r#for="email"/>
            <div id="ns" on:htmx:load=move |_: web_sys::Event| counted.set(counted.get() + 1)></div>
            <div id="tr" on:transitionstart=move |ev| {
                let _: String = ev.property_name();
            }></div>
        }
    });
    assert_eq!(find(&container, "#spread-class").class_name(), "b on");
    let arr = find(&container, "#arr");
    assert_eq!(arr.class_name(), "");
    set_on.set(true);
    assert_eq!(arr.class_name(), "tw-a tw-b");
    assert!(container.query_selector(".ignored").unwrap().is_none());
    assert!(container.query_selector("[data-x]").unwrap().is_none());
    assert!(text(&container).contains("shown"));
    let spread = find(&container, "#sp");
    assert_eq!(spread.get_attribute("title").as_deref(), Some("spread"));
    assert_eq!(spread.get_attribute("data-k").as_deref(), Some("kept"));
    assert_eq!(text(&find(&container, "#frag")), "onetwoboxed");
    assert_eq!(text(&find(&container, "#cols")), "12");
    assert_eq!(text(&find(&container, "#pair")), "7/seven");
    assert_eq!(text(&find(&container, "#ignored")), "seven");
    assert_eq!(
        find(&container, "#fmt").get_attribute("title").as_deref(),
        Some("3 items")
    );
    assert_eq!(
        find(&container, "label").get_attribute("for").as_deref(),
        Some("email")
    );
    // A namespaced custom event keeps its `:`.
    let ns = find(&container, "#ns");
    ns.dispatch_event(&web_sys::Event::new("htmx:load").unwrap())
        .unwrap();
    assert_eq!(loads.get(), 1);
    handle.unmount();
}

/// A 0.6 helper trait that forwards a name of any string type to the
/// element builders (`leptos-use`-style extension traits do this).
trait BoolAttrs: Sized {
    fn attr_bool(
        self,
        name: impl Into<Oco<'static, str>>,
        on: impl Into<MaybeSignal<bool>>,
    ) -> Self;
}

impl<El: html::ElementDescriptor + 'static> BoolAttrs for HtmlElement<El> {
    fn attr_bool(
        self,
        name: impl Into<Oco<'static, str>>,
        on: impl Into<MaybeSignal<bool>>,
    ) -> Self {
        let on = on.into();
        self.attr(name, move || if on.get() { "true" } else { "false" })
    }
}

/// Names made at run time: `attr`, `class`, `style` and `prop` take any
/// `Into<Oco<'static, str>>`, as in Leptos 0.6.
#[wasm_bindgen_test]
fn builder_names_may_be_made_at_run_time() {
    let c = test_container();
    let (open, set_open) = create_signal(false);
    let key = 7;
    let _h = mount_to_with_handle(c.clone(), move || {
        html::input()
            .attr(format!("data-row-{key}"), "x")
            .attr(String::from("title"), "t")
            .class(String::from("big"), true)
            .style(String::from("color"), "red")
            .prop(String::from("value"), "typed")
            .attr_bool(String::from("aria-expanded"), open)
            .attr_bool("aria-busy", true)
    });
    let input: web_sys::HtmlInputElement = find(&c, "input").unchecked_into();
    assert_eq!(input.get_attribute("data-row-7").as_deref(), Some("x"));
    assert_eq!(input.get_attribute("title").as_deref(), Some("t"));
    assert_eq!(input.class_name(), "big");
    assert_eq!(input.style().get_property_value("color").unwrap(), "red");
    assert_eq!(input.value(), "typed");
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("false")
    );
    assert_eq!(input.get_attribute("aria-busy").as_deref(), Some("true"));
    set_open(true);
    assert_eq!(
        input.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

fn paint(el: HtmlElement<html::AnyElement>, color: &'static str) {
    let _ = el.set_attribute("data-color", color);
}

/// More 0.6 value conversions: a property from a closure returning a JS
/// object, a directive kept as `Rc<dyn Directive>`, and `AttributeValue`s
/// made from a `TextProp` and a `Nonce`.
#[wasm_bindgen_test]
async fn js_object_properties_shared_directives_and_attribute_values() {
    use larkspur::wasm_bindgen::JsValue;
    let c = test_container();
    let (n, set_n) = create_signal(1u32);
    let directive: std::rc::Rc<
        dyn Directive<(HtmlElement<html::AnyElement>, &'static str), &'static str>,
    > = std::rc::Rc::new(paint);
    let label: AttributeValue = TextProp::from(move || format!("n = {}", n.get())).into();
    let nonce: AttributeValue = larkspur::nonce::Nonce::from("abc").into();
    let _h = mount_to_with_handle(c.clone(), move || {
        html::div()
            .prop("items", move || {
                let items = js_sys::Array::new();
                for i in 0..n.get() {
                    items.push(&JsValue::from(i));
                }
                items
            })
            .directive(directive, "red")
            .attr("title", label)
            .attr("data-nonce", nonce)
    });
    let div = find(&c, "div");
    tick().await; // directives run after the update that built them
    assert_eq!(div.get_attribute("data-color").as_deref(), Some("red"));
    let items = || -> js_sys::Array {
        js_sys::Reflect::get(&div, &JsValue::from_str("items"))
            .unwrap()
            .unchecked_into()
    };
    assert_eq!(items().length(), 1);
    assert_eq!(div.get_attribute("title").as_deref(), Some("n = 1"));
    assert_eq!(div.get_attribute("data-nonce").as_deref(), Some("abc"));
    set_n(3);
    assert_eq!(items().length(), 3);
    assert_eq!(div.get_attribute("title").as_deref(), Some("n = 3"));
}

/// Code matching on 0.6's `Attribute` variants, as libraries write it (a
/// `prepend` extension over all four variants, a class helper reading the
/// text out of `String` or `Option(Some)`), and `Style`, `Class` and
/// `Property` values built by variant.
trait Prepend {
    fn prepend(self, prefix: Oco<'static, str>) -> Self;
}

impl Prepend for Attribute {
    fn prepend(self, prefix: Oco<'static, str>) -> Self {
        match self {
            Attribute::String(s) => Attribute::String(Oco::Owned(format!("{prefix} {s}"))),
            Attribute::Fn(f) => {
                Attribute::Fn(std::rc::Rc::new(move || f().prepend(prefix.clone())))
            }
            Attribute::Option(o) => {
                Attribute::Option(o.map(|s| Oco::Owned(format!("{prefix} {s}"))))
            }
            Attribute::Bool(b) => Attribute::Bool(b),
        }
    }
}

fn static_text(attr: &Attribute) -> Option<Oco<'static, str>> {
    match attr {
        Attribute::String(s) | Attribute::Option(Some(s)) => Some(s.clone()),
        _ => None,
    }
}

#[wasm_bindgen_test]
async fn leptos_06_attribute_style_class_and_property_variants() {
    use larkspur::wasm_bindgen::JsValue;
    use larkspur::Attribute::String as AttrString;
    let container = test_container();
    let (extra, set_extra) = create_signal("b");
    let (wide, set_wide) = create_signal(true);
    let dynamic = (move || extra.get()).into_attribute().prepend("a".into());
    assert_eq!(static_text(&"x".into_attribute()).as_deref(), Some("x"));
    assert_eq!(
        static_text(&Attribute::Option(Some("y".into()))).as_deref(),
        Some("y")
    );
    assert_eq!(static_text(&None::<&str>.into_attribute()), None);
    assert_eq!(AttrString("z".into()), "z".into_attribute());
    // `Option`s are `Style::Option`, as in 0.6; boxed values convert.
    assert_eq!(Some("red").into_style(), Style::Option(Some("red".into())));
    assert_eq!("red".into_style(), Style::Value("red".into()));
    let boxed_style: Box<dyn IntoStyle> = Box::new("3px");
    let boxed_class: Box<dyn IntoClass> = Box::new(true);
    let boxed_prop: Box<dyn IntoProperty> = Box::new("p");
    let handle = mount_to_with_handle(container.clone(), move || {
        html::div()
            .attr("id", "variants")
            .attr("data-kind", dynamic)
            .attr(
                "title",
                Attribute::Option(Some("t".into())).prepend("p".into()),
            )
            .attr("lang", Attribute::Option(None))
            .attr("hidden", Attribute::Bool(false))
            .style(
                "width",
                Style::Fn(std::rc::Rc::new(move || {
                    if wide.get() {
                        Style::Value("10px".into())
                    } else {
                        Style::Option(None)
                    }
                })),
            )
            .style("height", Style::Option(Some("5px".into())))
            .style("margin-left", boxed_style)
            .class("boxed", boxed_class)
            .prop("boxedProp", boxed_prop)
            .class("on", Class::Fn(Box::new(move || wide.get())))
            .prop(
                "lastly",
                Property::Fn(Box::new(move || JsValue::from_bool(wide.get()))),
            )
            .prop("firstly", Property::Value(JsValue::from_str("v")))
    });
    let div = find(&container, "#variants");
    assert_eq!(div.get_attribute("data-kind").as_deref(), Some("a b"));
    assert_eq!(div.get_attribute("title").as_deref(), Some("p t"));
    assert!(!div.has_attribute("lang") && !div.has_attribute("hidden"));
    let style = div.unchecked_ref::<web_sys::HtmlElement>().style();
    assert_eq!(style.get_property_value("width").unwrap(), "10px");
    assert_eq!(style.get_property_value("height").unwrap(), "5px");
    assert!(div.class_list().contains("on"));
    assert!(div.class_list().contains("boxed"));
    assert_eq!(style.get_property_value("margin-left").unwrap(), "3px");
    let prop = |name: &str| js_sys::Reflect::get(&div, &JsValue::from_str(name)).unwrap();
    assert_eq!(prop("boxedProp"), JsValue::from_str("p"));
    assert_eq!(prop("lastly"), JsValue::TRUE);
    assert_eq!(prop("firstly"), JsValue::from_str("v"));

    set_extra.set("c");
    set_wide.set(false);
    tick().await;
    assert_eq!(div.get_attribute("data-kind").as_deref(), Some("a c"));
    assert_eq!(style.get_property_value("width").unwrap(), "");
    assert!(!div.class_list().contains("on"));
    assert_eq!(prop("lastly"), JsValue::FALSE);
    handle.unmount();
}

/// `TrustedUrl` marks the value it becomes, whatever carries it: the same
/// text trusted and untrusted are two values (a refused URL that comes
/// back trusted is written, and refused again when it is not), and a
/// trusted value kept in a spread or an `AttributeValue` stays trusted.
#[wasm_bindgen_test]
async fn trusted_urls_survive_the_0_6_attribute_shape() {
    const URL: &str = "javascript:void(0)";
    let container = test_container();
    let (trusted, set_trusted) = create_signal(false);
    let kept: AttributeValue = TrustedUrl::new(URL).into();
    let spread: Vec<(&'static str, Attribute)> =
        vec![("href", TrustedUrl::new(URL).into_attribute())];
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <a id="flip" href=move || {
                if trusted.get() { TrustedUrl::new(URL).into_attribute() } else { URL.into_attribute() }
            }>"flip"</a>
            <a id="boxed" href=kept>"boxed"</a>
            <a id="spread" {..spread}>"spread"</a>
            <a id="plain" href=move || URL.to_string()>"plain"</a>
        }
    });
    let href = |id: &str| find(&container, id).get_attribute("href");
    assert_eq!(href("#flip"), None, "an untrusted script URL is refused");
    assert_eq!(href("#boxed").as_deref(), Some(URL));
    assert_eq!(href("#spread").as_deref(), Some(URL));
    assert_eq!(href("#plain"), None);
    set_trusted.set(true);
    tick().await;
    assert_eq!(
        href("#flip").as_deref(),
        Some(URL),
        "the same text, now trusted"
    );
    set_trusted.set(false);
    tick().await;
    assert_eq!(href("#flip"), None, "the same text, untrusted again");
    handle.unmount();
}

/// An icon component written the way Leptos 0.6 icon libraries write it:
/// `MaybeProp<TextProp>` props, a builder `svg` made in a closure, sizes as
/// `Attribute::String(Oco::from(..))`, optional attributes set one by one,
/// the icon's markup through `inner_html`, and the closure turned into a
/// view with `IntoView::into_view`.
// Written as the libraries write it, `Oco::from` of an `Oco` included.
#[allow(clippy::useless_conversion)]
mod icon_port {
    use larkspur::SignalGet;

    #[derive(Clone, Copy, PartialEq)]
    pub struct Glyph {
        pub view_box: Option<&'static str>,
        pub fill: Option<&'static str>,
        pub width: Option<&'static str>,
        pub style: Option<&'static str>,
        pub body: &'static str,
    }

    #[larkspur::component]
    pub fn Glyphicon(
        #[prop(into)] glyph: larkspur::MaybeSignal<Glyph>,
        #[prop(into, optional)] width: larkspur::MaybeProp<larkspur::TextProp>,
        #[prop(into, optional)] class: larkspur::MaybeProp<larkspur::TextProp>,
        #[prop(into, optional)] style: larkspur::MaybeProp<larkspur::TextProp>,
    ) -> impl larkspur::IntoView {
        let svg = move || {
            let glyph = glyph.get();
            let mut svg = larkspur::svg::svg();
            if let Some(classes) = class.get() {
                svg = svg.classes(classes.get());
            }
            let mut svg = match (style.get(), glyph.style) {
                (Some(mine), Some(its)) => svg.attr("style", format!("{its} {}", mine.get())),
                (Some(mine), None) => svg.attr("style", mine.get()),
                (None, Some(its)) => svg.attr("style", its),
                (None, None) => svg,
            };
            svg = svg.attr(
                "width",
                larkspur::Attribute::String(match (width.get(), glyph.width) {
                    (Some(w), _) => larkspur::Oco::from(w.get()),
                    (None, Some(w)) => larkspur::Oco::from(w),
                    _ => larkspur::Oco::from("1em"),
                }),
            );
            if let Some(view_box) = glyph.view_box {
                svg = svg.attr("viewBox", view_box);
            }
            svg = svg.attr("fill", glyph.fill.unwrap_or("currentColor"));
            svg = svg.attr("role", "graphics-symbol");
            svg = svg.inner_html(glyph.body);
            svg
        };
        larkspur::IntoView::into_view(svg)
    }
}

#[wasm_bindgen_test]
async fn an_icon_component_written_as_0_6_icon_libraries_write_it() {
    use icon_port::{Glyph, Glyphicon};
    const DOT: Glyph = Glyph {
        view_box: Some("0 0 10 10"),
        fill: None,
        width: None,
        style: Some("display: inline"),
        body: "<circle cx=\"5\" cy=\"5\" r=\"4\"></circle>",
    };
    const SQUARE: Glyph = Glyph {
        view_box: None,
        fill: Some("red"),
        width: Some("2em"),
        style: None,
        body: "<rect width=\"10\" height=\"10\"></rect>",
    };
    let container = test_container();
    let (glyph, set_glyph) = create_signal(DOT);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <p id="icons">
                <Glyphicon glyph=glyph class="icon big" style="color: blue"/>
                <Glyphicon glyph=SQUARE width="3em"/>
            </p>
        }
    });
    let svgs = find_all(&container, "#icons > svg");
    assert_eq!(svgs.len(), 2);
    let (first, second) = (&svgs[0], &svgs[1]);
    assert_eq!(
        first.namespace_uri().as_deref(),
        Some("http://www.w3.org/2000/svg")
    );
    assert_eq!(first.get_attribute("class").as_deref(), Some("icon big"));
    assert_eq!(
        first.get_attribute("style").as_deref(),
        Some("display: inline color: blue")
    );
    assert_eq!(first.get_attribute("width").as_deref(), Some("1em"));
    assert_eq!(first.get_attribute("viewBox").as_deref(), Some("0 0 10 10"));
    assert_eq!(first.get_attribute("fill").as_deref(), Some("currentColor"));
    assert_eq!(
        first.get_attribute("role").as_deref(),
        Some("graphics-symbol")
    );
    assert_eq!(first.first_element_child().unwrap().local_name(), "circle");
    assert_eq!(second.get_attribute("width").as_deref(), Some("3em"));
    assert_eq!(second.get_attribute("fill").as_deref(), Some("red"));
    assert!(!second.has_attribute("viewBox"));
    set_glyph.set(SQUARE);
    tick().await;
    let first = find_all(&container, "#icons > svg").remove(0);
    assert_eq!(first.get_attribute("width").as_deref(), Some("2em"));
    assert_eq!(first.first_element_child().unwrap().local_name(), "rect");
    handle.unmount();
}

/// A component library's own attribute collection (a map behind its own
/// `IntoIterator`), as Leptos 0.6 code passes it to `HtmlElement::attrs`
/// and spreads it with `{..}`; iterator adapters spread too.
struct LibAttributes(std::collections::BTreeMap<&'static str, Attribute>);

impl IntoIterator for LibAttributes {
    type Item = (&'static str, Attribute);
    type IntoIter = std::collections::btree_map::IntoIter<&'static str, Attribute>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

/// A custom event type written for 0.6 (`name` and the delegation key as
/// `Oco`).
#[derive(Clone, Copy)]
struct Pinged;

impl ev::EventDescriptor for Pinged {
    type EventType = web_sys::CustomEvent;
    const BUBBLES: bool = false;
    fn name(&self) -> Oco<'static, str> {
        "pinged".into()
    }
    fn event_delegation_key(&self) -> Oco<'static, str> {
        "$$$pinged".into()
    }
}

/// Generic code over a tag that loads one element into several node refs
/// (0.6's `NodeRef::load(&HtmlElement<T>)`).
fn compose_refs<T: ElementDescriptor + Clone + 'static>(
    refs: Vec<NodeRef<T>>,
    el: &HtmlElement<T>,
) {
    for r in refs {
        r.load(el);
    }
}

#[wasm_bindgen_test]
fn iterable_spreads_custom_events_and_generic_node_ref_loads() {
    let container = test_container();
    let pings = std::rc::Rc::new(std::cell::Cell::new(0));
    let seen = pings.clone();
    let refs = vec![
        create_node_ref::<html::Div>(),
        create_node_ref::<html::Div>(),
    ];
    let loaded = refs.clone();
    let handle = mount_to_with_handle(container.clone(), move || {
        let lib = || {
            LibAttributes(
                [
                    ("title", "lib".into_attribute()),
                    ("lang", "fr".into_attribute()),
                ]
                .into_iter()
                .collect(),
            )
        };
        let mut map = std::collections::HashMap::new();
        map.insert("data-map", "m".into_attribute());
        let pairs = vec![
            ("data-keep", "k".into_attribute()),
            ("data-drop", "d".into_attribute()),
        ];
        let el = html::div().attr("id", "composed").attrs(lib());
        compose_refs(loaded.clone(), &el);
        view! {
            <p id="spreads" {..lib()} {..map} {..pairs.into_iter().filter(|(n, _)| *n != "data-drop")}
                {..[("data-slice", "s".into_attribute())].iter().cloned()}
                on:pinged=move |_: web_sys::CustomEvent| seen.set(seen.get() + 1)>
                "spread"
            </p>
            <span id="custom" on:ping-me=|_| ()/>
            {el.on(Pinged, |_| ())}
        }
    });
    let p = find(&container, "#spreads");
    for (name, value) in [
        ("title", "lib"),
        ("lang", "fr"),
        ("data-map", "m"),
        ("data-keep", "k"),
        ("data-slice", "s"),
    ] {
        assert_eq!(p.get_attribute(name).as_deref(), Some(value), "{name}");
    }
    assert!(!p.has_attribute("data-drop"));
    let composed = find(&container, "#composed");
    assert_eq!(composed.get_attribute("lang").as_deref(), Some("fr"));
    for r in &refs {
        assert!(r
            .get_untracked()
            .is_some_and(|el| el.get_attribute("id").as_deref() == Some("composed")));
    }
    let name: Oco<'static, str> = ev::EventDescriptor::name(&Pinged);
    assert_eq!(name, "pinged");
    let custom = <ev::Custom>::new(Oco::<'static, str>::from(std::rc::Rc::<str>::from("x-y")));
    assert_eq!(ev::EventDescriptor::name(&custom), "x-y");
    assert_eq!(html::Custom::new(Oco::Borrowed("my-el")).name(), "my-el");
    p.dispatch_event(&web_sys::CustomEvent::new("pinged").unwrap())
        .unwrap();
    assert_eq!(pings.get(), 1);
    handle.unmount();
}

/// Tailwind's variant classes in `class:`, and a namespaced `attr:`: the
/// name is everything after the first `:`, as in Leptos 0.6.
#[wasm_bindgen_test]
fn class_names_with_colons_toggle() {
    let container = test_container();
    let (open, set_open) = create_signal(false);
    let handle = mount_to_with_handle(container.clone(), move || {
        view! {
            <nav id="menu" class="md:flex" class:md:hidden=move || !open.get()
                class:dark:hover:bg-gray-800=open>"menu"</nav>
            <a id="icon" attr:xlink:href="#star">"star"</a>
        }
    });
    let menu = find(&container, "#menu");
    assert_eq!(menu.class_name(), "md:flex md:hidden");
    set_open.set(true);
    assert!(menu.class_list().contains("dark:hover:bg-gray-800"));
    assert!(!menu.class_list().contains("md:hidden"));
    assert!(menu.class_list().contains("md:flex"));
    let icon = find(&container, "#icon");
    assert_eq!(icon.get_attribute("xlink:href").as_deref(), Some("#star"));
    handle.unmount();
}
