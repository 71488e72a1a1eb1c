//! User events: the DOM events a browser fires when a person clicks,
//! types, presses a key, submits, focuses or changes a control, in the
//! browser's order, all bubbling so delegated handlers see them.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{
    Element, Event, EventInit, FocusEvent, FocusEventInit, HtmlElement, HtmlInputElement,
    HtmlSelectElement, HtmlTextAreaElement, InputEvent, InputEventInit, KeyboardEvent,
    KeyboardEventInit,
};

/// Clicks an element as a mouse does: `HTMLElement.click()`, which fires a
/// bubbling, cancelable `click` (and toggles a checkbox or radio, submits a
/// form through its submit button, follows nothing by itself in a test).
/// An SVG or MathML element has no `click()`: it gets the bubbling,
/// cancelable `MouseEvent` a click fires.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (n, set_n) = create_signal(0);
/// let screen = render(move || view! { <button on:click=move |_| set_n(n() + 1)>"+"</button> });
/// click(&screen.get_by_role("button", "+"));
/// assert_eq!(n.get_untracked(), 1);
/// ```
pub fn click(el: &Element) {
    if let Some(html) = el.dyn_ref::<HtmlElement>() {
        html.click();
        return;
    }
    let event = web_sys::MouseEvent::new("click").expect("create a click event");
    event.init_event_with_bubbles_and_cancelable("click", true, true);
    el.dispatch_event(&event).expect("dispatch a click event");
}

/// Dispatches a bubbling, cancelable event named `name` at `el` and
/// returns `false` if a handler called `prevent_default()`.
pub fn dispatch_event(el: &Element, name: &str) -> bool {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = Event::new_with_event_init_dict(name, &init).expect("create an event");
    el.dispatch_event(&event).expect("dispatch an event")
}

fn key_event(el: &Element, kind: &str, key: &str) -> bool {
    let init = KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_key(key);
    init.set_code(&key_code(key));
    let event =
        KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).expect("create a key event");
    el.dispatch_event(&event).expect("dispatch a key event")
}

fn key_code(key: &str) -> String {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => format!("Key{}", c.to_ascii_uppercase()),
        (Some(c), None) if c.is_ascii_digit() => format!("Digit{c}"),
        (Some(' '), None) => "Space".to_owned(),
        _ => key.to_owned(),
    }
}

fn input_event(el: &Element, data: Option<&str>, input_type: &str) {
    let init = InputEventInit::new();
    init.set_bubbles(true);
    init.set_data(data);
    init.set_input_type(input_type);
    let event =
        InputEvent::new_with_event_init_dict("input", &init).expect("create an input event");
    el.dispatch_event(&event).expect("dispatch an input event");
}

fn value_of(el: &Element) -> Option<String> {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        Some(input.value())
    } else {
        el.dyn_ref::<HtmlTextAreaElement>().map(|t| t.value())
    }
}

fn set_value_of(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    }
}

/// Types `text` into an input or textarea the way a keyboard does: focus,
/// then for each character `keydown`, the value grows by that character,
/// `input`, `keyup`. A `keydown` handler that prevents the default stops
/// that character, as in a browser. A `"\n"` presses Enter instead (for an
/// input, that is a key press, not text).
///
/// Panics if `el` is not an `<input>` or `<textarea>`.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (name, set_name) = create_signal(String::new());
/// let screen = render(move || view! {
///     <input aria-label="Name" on:input=move |ev| set_name(event_target_value(&ev))/>
/// });
/// type_text(&screen.get_by_label("Name"), "Ada");
/// assert_eq!(name.get_untracked(), "Ada");
/// ```
pub fn type_text(el: &Element, text: &str) {
    let is_input = el.has_type::<HtmlInputElement>();
    assert!(
        value_of(el).is_some(),
        "type_text: <{}> is not an <input> or <textarea>",
        el.tag_name().to_ascii_lowercase()
    );
    focus(el);
    // What has been typed, kept here rather than read back from the
    // element: a number, email or url input sanitises a partial value
    // (`"-"`, `"1."` and `"a b"` read back as `""`, `""` and `"ab"`), which
    // would lose what came before. `shown` is what the element reported
    // right after the last write; a different value later means a handler
    // rewrote it (an input mask), and typing goes on from that.
    let mut typed = value_of(el).unwrap_or_default();
    let mut shown = typed.clone();
    for c in text.chars() {
        if c == '\n' && is_input {
            press_key(el, "Enter");
            continue;
        }
        let key = if c == '\n' {
            "Enter".to_owned()
        } else {
            c.to_string()
        };
        if key_event(el, "keydown", &key) {
            let now = value_of(el).unwrap_or_default();
            if now != shown {
                typed = now;
            }
            typed.push(c);
            set_value_of(el, &typed);
            shown = value_of(el).unwrap_or_default();
            let kind = if c == '\n' {
                "insertLineBreak"
            } else {
                "insertText"
            };
            input_event(el, Some(&c.to_string()), kind);
        }
        key_event(el, "keyup", &key);
    }
}

/// Empties an input or textarea as select-all + delete does: the value
/// becomes `""` and one `input` event fires.
pub fn clear(el: &Element) {
    assert!(
        value_of(el).is_some(),
        "clear: <{}> is not an <input> or <textarea>",
        el.tag_name().to_ascii_lowercase()
    );
    focus(el);
    set_value_of(el, "");
    input_event(el, None, "deleteContentBackward");
}

/// Presses and releases one key (`"Enter"`, `"Escape"`, `"a"`, `"ArrowUp"`,
/// …): bubbling `keydown` then `keyup` with that `key`. Returns `false`
/// if a `keydown` handler prevented the default.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (last, set_last) = create_signal(String::new());
/// let screen = render(move || view! { <input on:keydown=move |ev| set_last(ev.key())/> });
/// press_key(&screen.get_by_role("textbox", ""), "Escape");
/// assert_eq!(last.get_untracked(), "Escape");
/// ```
pub fn press_key(el: &Element, key: &str) -> bool {
    let allowed = key_event(el, "keydown", key);
    key_event(el, "keyup", key);
    allowed
}

/// Submits a form as pressing its submit button does, without letting the
/// browser navigate away from the test page: a bubbling, cancelable
/// `submit` event at the form (or at the form `el` belongs to). Returns
/// `false` if a handler prevented the default.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (sent, set_sent) = create_signal(false);
/// let screen = render(move || view! {
///     <form on:submit=move |ev| { ev.prevent_default(); set_sent(true) }><button>"Send"</button></form>
/// });
/// submit(&screen.get_by_role("form", ""));
/// assert!(sent.get_untracked());
/// ```
pub fn submit(el: &Element) -> bool {
    let form = if el.tag_name() == "FORM" {
        el.clone()
    } else {
        el.closest("form")
            .ok()
            .flatten()
            .expect("submit: the element is not a <form> and is not inside one")
    };
    dispatch_event(&form, "submit")
}

fn focus_event(el: &Element, kind: &str, bubbles: bool) {
    let init = FocusEventInit::new();
    init.set_bubbles(bubbles);
    let event = FocusEvent::new_with_focus_event_init_dict(kind, &init).expect("a focus event");
    el.dispatch_event(&event).expect("dispatch a focus event");
}

/// Runs `act` and reports whether it made `el` receive an event `kind`.
fn fires(el: &Element, kind: &str, act: impl FnOnce()) -> bool {
    let fired = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = fired.clone();
    let listener = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || flag.set(true));
    let f = listener.as_ref().unchecked_ref();
    let _ = el.add_event_listener_with_callback(kind, f);
    act();
    let _ = el.remove_event_listener_with_callback(kind, f);
    fired.get()
}

/// Focuses an element with `focus()`. If the browser fired no `focus`
/// event (a page in the background, or an element that cannot take focus),
/// the `focus` and `focusin` events a user's focus would fire are
/// dispatched instead, so handlers run either way, once. Focusing the
/// element that already has the focus fires nothing.
pub fn focus(el: &Element) {
    let html: &HtmlElement = el.unchecked_ref();
    let active = el.owner_document().and_then(|d| d.active_element());
    if active.as_ref() == Some(el) {
        return; // already focused: a user's click or tab would fire nothing
    }
    if !fires(el, "focus", || {
        let _ = html.focus();
    }) {
        focus_event(el, "focus", false);
        focus_event(el, "focusin", true);
    }
}

/// Takes the focus away from an element with `blur()`; as with [`focus`],
/// the `blur` and `focusout` events are dispatched if the browser fired
/// none.
pub fn blur(el: &Element) {
    let html: &HtmlElement = el.unchecked_ref();
    if !fires(el, "blur", || {
        let _ = html.blur();
    }) {
        focus_event(el, "blur", false);
        focus_event(el, "focusout", true);
    }
}

/// Sets a checkbox or radio to `checked` the way a click does, firing
/// `click`, `input` and `change` only if the state changes.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (done, set_done) = create_signal(false);
/// let screen = render(move || view! {
///     <input type="checkbox" on:change=move |ev| set_done(event_target_checked(&ev))/>
/// });
/// check(&screen.get_by_role("checkbox", ""), true);
/// assert!(done.get_untracked());
/// ```
pub fn check(el: &Element, checked: bool) {
    let input = el
        .dyn_ref::<HtmlInputElement>()
        .expect("check: the element is not an <input>");
    if input.checked() != checked {
        input.click();
    }
    assert!(
        input.checked() == checked,
        "check: the input is still {}: {}",
        if checked { "unchecked" } else { "checked" },
        if input.type_() == "radio" {
            "a radio button is unchecked by checking another one of its group"
        } else {
            "a click handler prevented the change"
        }
    );
}

/// Chooses the `<option>` of a `<select>` whose value (or, failing that,
/// text) is `value`, then fires `input` and `change` as a user's choice
/// does. Panics, listing the options, if there is no such option.
pub fn select_option(el: &Element, value: &str) {
    let select = el
        .dyn_ref::<HtmlSelectElement>()
        .expect("select_option: the element is not a <select>");
    let options = select.options();
    let all: Vec<(String, String)> = (0..options.length())
        .filter_map(|i| options.item(i))
        .map(|o| {
            let option: web_sys::HtmlOptionElement = o.unchecked_into();
            (option.value(), super::text(&option))
        })
        .collect();
    // By value first; by text only when no value matches.
    let index = (all.iter().position(|(v, _)| v == value))
        .or_else(|| all.iter().position(|(_, t)| t == value));
    let seen: Vec<&String> = all.iter().map(|(v, _)| v).collect();
    let Some(index) = index else {
        panic!("select_option: no option {value:?}; the options are {seen:?}");
    };
    select.set_selected_index(index as i32);
    dispatch_plain(el, "input");
    dispatch_plain(el, "change");
}

fn dispatch_plain(el: &Element, name: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = Event::new_with_event_init_dict(name, &init).expect("create an event");
    let _ = el.dispatch_event(&event).map_err(|e: JsValue| e);
}
