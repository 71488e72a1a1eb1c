//! User events: the DOM events a browser fires when a person clicks,
//! types, presses a key, submits, focuses or changes a control, in the
//! browser's order, all bubbling so delegated handlers see them.

use std::cell::RefCell;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{
    Element, Event, EventInit, FocusEvent, FocusEventInit, HtmlButtonElement, HtmlElement,
    HtmlFormElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, InputEvent,
    InputEventInit, KeyboardEvent, KeyboardEventInit, MouseEvent, MouseEventInit, PointerEvent,
    PointerEventInit,
};

thread_local! {
    /// The text field the kit last focused and its value then. A browser
    /// fires `change` when the focus leaves a field whose value a user
    /// edited, but not for a value a script wrote, which is how the kit
    /// types: the kit fires that `change` itself when it moves the focus
    /// away ([`focus`], [`click`], [`blur`]) or presses Enter.
    static EDITING: RefCell<Option<(Element, String)>> = const { RefCell::new(None) };
}

/// Forgets the field being edited (a new screen starts with none).
pub(super) fn forget_editing() {
    let old = EDITING.with(|e| e.borrow_mut().take());
    drop(old);
}

/// Whether a browser fires `change` for `el` when the focus leaves it
/// after an edit: a textarea, or an input that takes typed text.
fn is_text_field(el: &Element) -> bool {
    if el.has_type::<HtmlTextAreaElement>() {
        return true;
    }
    el.dyn_ref::<HtmlInputElement>().is_some_and(|input| {
        !matches!(
            input.type_().as_str(),
            "checkbox"
                | "radio"
                | "submit"
                | "button"
                | "reset"
                | "image"
                | "file"
                | "hidden"
                | "range"
                | "color"
        )
    })
}

/// Starts tracking `el`'s value for a later `change` (if it is a text
/// field and not tracked already).
fn remember(el: &Element) {
    if !is_text_field(el) || EDITING.with(|e| e.borrow().as_ref().is_some_and(|(x, _)| x == el)) {
        return;
    }
    let value = value_of(el).unwrap_or_default();
    let old = EDITING.with(|e| e.borrow_mut().replace((el.clone(), value)));
    drop(old);
}

/// Fires the `change` a browser fires when an edited field is committed
/// (it loses the focus, or Enter is pressed in it): for the tracked field,
/// unless it is `keep`, if its value differs from when tracking began and
/// it is still in the page. The field is no longer tracked afterwards.
fn commit_unless(keep: Option<&Element>) {
    let taken = EDITING.with(|e| {
        let mut e = e.borrow_mut();
        match &*e {
            Some((el, _)) if Some(el) != keep => e.take(),
            _ => None,
        }
    });
    if let Some((el, before)) = taken {
        if el.is_connected() && value_of(&el).is_some_and(|now| now != before) {
            dispatch_plain(&el, "change");
        }
    }
}

/// Whether `el` is a form control that is disabled (itself, or by a
/// disabled `<fieldset>` around it): a user cannot click, focus or type
/// into it, and a browser sends it no mouse events.
fn is_disabled(el: &Element) -> bool {
    el.matches(":disabled").unwrap_or(false)
}

/// Runs `act` while two listeners on the window stop what would take the
/// test page away: following a link to another document (a `click` on an
/// `<a href>` or `<area href>`; a link to a `#fragment` of this page is
/// followed, as hash-routed apps need) and submitting a form (a `submit`)
/// that no handler prevented. Added last, they run after the app's
/// delegated handlers and the router's link listener, which see the event
/// as a browser gives it.
fn without_navigation(act: impl FnOnce()) {
    let Some(window) = web_sys::window() else {
        return act();
    };
    let guard = Closure::<dyn FnMut(Event)>::new(|ev: Event| {
        if ev.type_() == "submit" || leaves_the_page(&ev) {
            ev.prevent_default();
        }
    });
    let f = guard.as_ref().unchecked_ref();
    let _ = window.add_event_listener_with_callback("click", f);
    let _ = window.add_event_listener_with_callback("submit", f);
    act();
    let _ = window.remove_event_listener_with_callback("click", f);
    let _ = window.remove_event_listener_with_callback("submit", f);
}

/// Whether a click event went through a link (also one in a shadow root)
/// that would load another document: anything but a link to a fragment
/// of this page in this window.
fn leaves_the_page(ev: &Event) -> bool {
    let link = ev.composed_path().iter().find_map(|target| {
        let el = target.dyn_into::<Element>().ok()?;
        (matches!(el.local_name().as_str(), "a" | "area") && el.has_attribute("href")).then_some(el)
    });
    let Some(link) = link else {
        return false;
    };
    let href = if let Some(a) = link.dyn_ref::<web_sys::HtmlAnchorElement>() {
        a.href()
    } else if let Some(area) = link.dyn_ref::<web_sys::HtmlAreaElement>() {
        area.href()
    } else {
        return true; // an SVG link
    };
    let here = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let same_document = match (href.split_once('#'), here.split_once('#')) {
        (Some((doc, _)), Some((here, _))) => doc == here,
        (Some((doc, _)), None) => doc == here,
        _ => false,
    };
    let new_window = link
        .get_attribute("target")
        .is_some_and(|t| !t.is_empty() && t != "_self");
    !same_document || new_window || link.has_attribute("download")
}

fn pointer_event(el: &Element, kind: &str, buttons: u16) -> bool {
    let init = PointerEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_pointer_id(1);
    init.set_pointer_type("mouse");
    init.set_is_primary(true);
    init.set_buttons(buttons);
    let event = PointerEvent::new_with_event_init_dict(kind, &init).expect("a pointer event");
    el.dispatch_event(&event).expect("dispatch a pointer event")
}

fn mouse_event(el: &Element, kind: &str, buttons: u16) -> bool {
    let init = MouseEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    init.set_composed(true);
    init.set_detail(1);
    init.set_buttons(buttons);
    let event = MouseEvent::new_with_mouse_event_init_dict(kind, &init).expect("a mouse event");
    el.dispatch_event(&event).expect("dispatch a mouse event")
}

/// What takes the focus when `el` is clicked: `el` or its nearest
/// ancestor that can be focused.
const FOCUSABLE: &str = "a[href], area[href], button, input, select, textarea, summary, \
    iframe, [tabindex], [contenteditable]:not([contenteditable=false])";

/// Clicks an element as a mouse does, in a browser's order:
/// `pointerdown`, `mousedown`, the focus moves to the element (or the
/// nearest ancestor that can take it; elsewhere it leaves the focused
/// field, which gets its `change` if it was edited), `pointerup`,
/// `mouseup`, then `click`, which toggles a checkbox or radio, and
/// submits a form through its submit button. A prevented `mousedown`
/// keeps the focus where it was. A disabled control gets nothing, as in
/// a browser.
///
/// The click never takes the test page away: where a browser would
/// load another page for a link or send a form that no handler
/// prevented, nothing happens (a `<Router>`'s links still navigate, as
/// they do in the app, and a link to a `#fragment` of the page is
/// followed).
///
/// An SVG or MathML element has no `HTMLElement.click()`: it gets the
/// same events, the `click` a bubbling, cancelable `MouseEvent`.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (n, set_n) = create_signal(0);
/// let screen = render(move || view! { <button on:click=move |_| set_n(n() + 1)>"+"</button> });
/// click(&screen.get_by_role("button", "+"));
/// assert_eq!(n.get_untracked(), 1);
/// ```
pub fn click(el: &Element) {
    if is_disabled(el) {
        return;
    }
    let down = pointer_event(el, "pointerdown", 1);
    // A prevented `pointerdown` suppresses the mouse events that follow.
    if !down || mouse_event(el, "mousedown", 1) {
        match el.closest(FOCUSABLE).ok().flatten() {
            Some(target) if !is_disabled(&target) => focus_to(&target, true),
            Some(_) => {}
            None => {
                if let Some(active) = active_element(el) {
                    blur(&active);
                }
            }
        }
    }
    pointer_event(el, "pointerup", 0);
    if down {
        mouse_event(el, "mouseup", 0);
    }
    without_navigation(|| {
        if let Some(html) = el.dyn_ref::<HtmlElement>() {
            html.click();
        } else {
            mouse_event(el, "click", 0);
        }
    });
}

/// The focused element of `el`'s document, if it is not the body.
fn active_element(el: &Element) -> Option<Element> {
    let document = el.owner_document()?;
    let active = document.active_element()?;
    let body: Option<Element> = document.body().map(Into::into);
    (Some(&active) != body.as_ref()).then_some(active)
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
    init.set_composed(true);
    init.set_key(key);
    init.set_code(&key_code(key));
    init.set_shift_key(is_shifted(key));
    // The legacy codes old code still reads (`ev.key_code() == 13`): a
    // key's code on `keydown`/`keyup`, the character's on `keypress`.
    let legacy = if kind == "keypress" {
        char_code(key)
    } else {
        legacy_key_code(key)
    };
    init.set_key_code(legacy);
    init.set_which(legacy);
    if kind == "keypress" {
        init.set_char_code(legacy);
    }
    let event =
        KeyboardEvent::new_with_keyboard_event_init_dict(kind, &init).expect("create a key event");
    el.dispatch_event(&event).expect("dispatch a key event")
}

/// The one character `key` stands for, if it is one.
fn single_char(key: &str) -> Option<char> {
    let mut chars = key.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(c),
        _ => None,
    }
}

/// Whether a browser fires `keypress` for `key`: a character, or Enter.
fn has_keypress(key: &str) -> bool {
    key == "Enter" || single_char(key).is_some_and(|c| !c.is_control())
}

/// `keypress`'s `charCode`: the character's code point (13 for Enter).
fn char_code(key: &str) -> u32 {
    if key == "Enter" {
        return 13;
    }
    single_char(key).map_or(0, u32::from)
}

/// Whether typing `key` on a US keyboard takes Shift.
fn is_shifted(key: &str) -> bool {
    single_char(key).is_some_and(|c| c.is_ascii_uppercase() || "~!@#$%^&*()_+{}|:\"<>?".contains(c))
}

/// The US keyboard key a punctuation character is on, with its `code`
/// name and legacy `keyCode`.
fn punctuation(c: char) -> Option<(&'static str, u32)> {
    Some(match c {
        ';' | ':' => ("Semicolon", 186),
        '=' | '+' => ("Equal", 187),
        ',' | '<' => ("Comma", 188),
        '-' | '_' => ("Minus", 189),
        '.' | '>' => ("Period", 190),
        '/' | '?' => ("Slash", 191),
        '`' | '~' => ("Backquote", 192),
        '[' | '{' => ("BracketLeft", 219),
        '\\' | '|' => ("Backslash", 220),
        ']' | '}' => ("BracketRight", 221),
        '\'' | '"' => ("Quote", 222),
        _ => return None,
    })
}

/// The digit a shifted digit key types (`'!'` is on the `1`).
fn shifted_digit(c: char) -> Option<char> {
    let at = ")!@#$%^&*(".find(c)?;
    char::from_digit(at as u32, 10)
}

/// `keyCode` on `keydown`/`keyup`: a letter's upper-case code, a digit's,
/// the US keyboard's for punctuation, and the classic codes of named keys
/// (Enter 13, Escape 27, Tab 9, arrows 37–40, …); 0 for anything else.
fn legacy_key_code(key: &str) -> u32 {
    if let Some(c) = single_char(key) {
        return match c {
            'a'..='z' | 'A'..='Z' => u32::from(c.to_ascii_uppercase()),
            '0'..='9' | ' ' => u32::from(c),
            _ => shifted_digit(c)
                .map(u32::from)
                .or_else(|| punctuation(c).map(|(_, code)| code))
                .unwrap_or(0),
        };
    }
    match key {
        "Backspace" => 8,
        "Tab" => 9,
        "Enter" => 13,
        "Shift" => 16,
        "Control" => 17,
        "Alt" => 18,
        "Pause" => 19,
        "CapsLock" => 20,
        "Escape" => 27,
        "PageUp" => 33,
        "PageDown" => 34,
        "End" => 35,
        "Home" => 36,
        "ArrowLeft" => 37,
        "ArrowUp" => 38,
        "ArrowRight" => 39,
        "ArrowDown" => 40,
        "Insert" => 45,
        "Delete" => 46,
        "Meta" => 91,
        "ContextMenu" => 93,
        _ => key
            .strip_prefix('F')
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|n| (1..=24).contains(n))
            .map_or(0, |n| 111 + n),
    }
}

/// `KeyboardEvent.code`: the physical key (US layout) for `key`.
fn key_code(key: &str) -> String {
    if let Some(c) = single_char(key) {
        return match c {
            c if c.is_ascii_alphabetic() => format!("Key{}", c.to_ascii_uppercase()),
            c if c.is_ascii_digit() => format!("Digit{c}"),
            ' ' => "Space".to_owned(),
            c => match (shifted_digit(c), punctuation(c)) {
                (Some(d), _) => format!("Digit{d}"),
                (_, Some((code, _))) => code.to_owned(),
                _ => String::new(),
            },
        };
    }
    match key {
        "Shift" | "Control" | "Alt" | "Meta" => format!("{key}Left"),
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

/// Panics (naming `what` was attempted) if a user could not type into
/// `el`: it is not an input or textarea, or it is disabled or read-only.
fn assert_typable(el: &Element, what: &str) {
    let tag = el.tag_name().to_ascii_lowercase();
    assert!(
        value_of(el).is_some(),
        "{what}: <{tag}> is not an <input> or <textarea>"
    );
    assert!(
        !is_disabled(el),
        "{what}: the <{tag}> is disabled: a user cannot type into it"
    );
    assert!(
        !el.has_attribute("readonly"),
        "{what}: the <{tag}> is read-only: a user cannot type into it"
    );
}

/// Types `text` into an input or textarea the way a keyboard does: focus,
/// then for each character `keydown`, `keypress`, the value grows by that
/// character, `input`, `keyup`. A handler that prevents the default of
/// `keydown` or `keypress` stops that character, as in a browser, and a
/// `maxlength` stops what would go past it. A `"\n"` presses Enter in an
/// input (see [`press_key`]: the edit is committed with `change` and the
/// form is submitted as a browser submits it) and starts a new line in a
/// textarea. The field gets its `change` when the focus leaves it, as
/// after a user's typing.
///
/// Panics if `el` is not an `<input>` or `<textarea>`, or is disabled or
/// read-only.
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
    assert_typable(el, "type_text");
    let is_input = el.has_type::<HtmlInputElement>();
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
        if key_event(el, "keydown", &key)
            && (!has_keypress(&key) || key_event(el, "keypress", &key))
        {
            let now = value_of(el).unwrap_or_default();
            if now != shown {
                typed = now;
            }
            if typed.encode_utf16().count() < max_length(el) {
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
        }
        key_event(el, "keyup", &key);
    }
}

/// The `maxlength` of an input or textarea (UTF-16 units), or no limit.
fn max_length(el: &Element) -> usize {
    let max = if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.max_length()
    } else {
        el.dyn_ref::<HtmlTextAreaElement>()
            .map_or(-1, HtmlTextAreaElement::max_length)
    };
    usize::try_from(max).unwrap_or(usize::MAX)
}

/// Empties an input or textarea as select-all + delete does: the value
/// becomes `""` and one `input` event fires (`change` follows when the
/// focus leaves it). Panics as [`type_text`] does.
pub fn clear(el: &Element) {
    assert_typable(el, "clear");
    focus(el);
    set_value_of(el, "");
    input_event(el, None, "deleteContentBackward");
}

/// Presses and releases one key (`"Enter"`, `"Escape"`, `"a"`, `" "`,
/// `"ArrowUp"`, …) as a keyboard does: a bubbling `keydown`, a `keypress`
/// for a character or Enter, then `keyup`, each with that `key`, its
/// `code` and the legacy `keyCode`/`which`/`charCode` old code reads.
/// It types no text (see [`type_text`]), but does what a browser does
/// for the key when no handler prevented it:
///
/// * Enter in a text input commits the edit (`change`, if the value
///   changed) and submits its form the way a browser does: by clicking
///   its first submit button, or, with none, when the input is the form's
///   only text field. The test page never navigates away: a submission
///   no handler prevents goes nowhere.
/// * Enter on a button or link, and Space on a button, checkbox or
///   radio, clicks it.
///
/// Returns `false` if a handler prevented the default of `keydown` or
/// `keypress`.
///
/// ```no_run
/// # use larkspur::*; use larkspur::testing::*;
/// let (last, set_last) = create_signal(String::new());
/// let screen = render(move || view! { <input on:keydown=move |ev| set_last(ev.key())/> });
/// press_key(&screen.get_by_role("textbox", ""), "Escape");
/// assert_eq!(last.get_untracked(), "Escape");
/// ```
pub fn press_key(el: &Element, key: &str) -> bool {
    let allowed =
        key_event(el, "keydown", key) && (!has_keypress(key) || key_event(el, "keypress", key));
    if allowed && key == "Enter" {
        press_enter(el);
    }
    let released = key_event(el, "keyup", key);
    if allowed && released && key == " " && activates_on_space(el) {
        without_navigation(|| el.unchecked_ref::<HtmlElement>().click());
    }
    allowed
}

/// What a browser does for an Enter that no handler prevented.
fn press_enter(el: &Element) {
    if is_disabled(el) {
        return;
    }
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        if is_text_field(el) {
            commit_unless(None);
            remember(el);
            if let Some(form) = input.form() {
                submit_implicitly(&form);
            }
        } else if matches!(
            input.type_().as_str(),
            "submit" | "button" | "reset" | "image" | "checkbox" | "radio"
        ) {
            // Enter activates a button input; on a checkbox or radio it
            // submits the form, as in Chromium.
            if matches!(input.type_().as_str(), "checkbox" | "radio") {
                if let Some(form) = input.form() {
                    submit_implicitly(&form);
                }
            } else {
                without_navigation(|| input.click());
            }
        }
    } else if el.has_type::<HtmlButtonElement>()
        || (matches!(el.local_name().as_str(), "a" | "area") && el.has_attribute("href"))
    {
        without_navigation(|| el.unchecked_ref::<HtmlElement>().click());
    }
}

/// Whether Space clicks `el`: an enabled button, checkbox or radio.
fn activates_on_space(el: &Element) -> bool {
    if is_disabled(el) {
        return false;
    }
    el.has_type::<HtmlButtonElement>()
        || el.dyn_ref::<HtmlInputElement>().is_some_and(|input| {
            matches!(
                input.type_().as_str(),
                "submit" | "button" | "reset" | "image" | "checkbox" | "radio"
            )
        })
}

/// Submits `form` as Enter in one of its fields does (the HTML standard's
/// implicit submission): its first submit button is clicked, unless it is
/// disabled; with no submit button, the form is submitted when it has
/// only one field that blocks it (a text-like input).
fn submit_implicitly(form: &HtmlFormElement) {
    let default_button =
        super::queries::select_all(form, "button, input[type=submit i], input[type=image i]")
            .into_iter()
            .find(|b| {
                b.dyn_ref::<HtmlButtonElement>()
                    .is_none_or(|button| button.type_() == "submit")
            });
    match default_button {
        Some(button) => {
            if !is_disabled(&button) {
                without_navigation(|| button.click());
            }
        }
        None => {
            let fields = super::queries::select_all(form, "input")
                .into_iter()
                .filter(|i| is_text_field(i) && i.has_type::<HtmlInputElement>())
                .count();
            if fields == 1 {
                without_navigation(|| {
                    let _ = form.request_submit();
                });
            }
        }
    }
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
    init.set_composed(true);
    let event = FocusEvent::new_with_focus_event_init_dict(kind, &init).expect("a focus event");
    el.dispatch_event(&event).expect("dispatch a focus event");
}

/// Runs `act` and reports whether it made `el` receive an event `kind`.
fn fires(el: &Element, kind: &str, act: impl FnOnce()) -> bool {
    let fired = std::rc::Rc::new(std::cell::Cell::new(false));
    let flag = fired.clone();
    let listener = Closure::<dyn FnMut()>::new(move || flag.set(true));
    let f = listener.as_ref().unchecked_ref();
    let _ = el.add_event_listener_with_callback(kind, f);
    act();
    let _ = el.remove_event_listener_with_callback(kind, f);
    fired.get()
}

/// Focuses an element with `focus()`, as a user's click or Tab does: an
/// edited field losing the focus gets its `change` first, then the
/// browser fires `blur`/`focusout` there and `focus`/`focusin` here. If
/// the browser fired no `focus` event (a headless page in the background,
/// or an element that cannot take focus), those events are dispatched
/// instead (with `blur`/`focusout` on the element that had the focus when
/// the page itself has none), so handlers run either way, once. Focusing
/// the element that already has the focus fires nothing.
pub fn focus(el: &Element) {
    focus_to(el, false);
}

/// [`focus`]; `by_pointer`: as a click gives it, without scrolling the
/// element into view (it is under the pointer already).
fn focus_to(el: &Element, by_pointer: bool) {
    let active = active_element(el);
    if active.as_ref() == Some(el) {
        remember(el); // already focused: a user's click or tab would fire nothing
        return;
    }
    commit_unless(Some(el));
    let html: &HtmlElement = el.unchecked_ref();
    if !fires(el, "focus", || {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(by_pointer);
        let _ = html.focus_with_options(&options);
    }) {
        let page_focused = el
            .owner_document()
            .and_then(|d| d.has_focus().ok())
            .unwrap_or(false);
        if let Some(previous) = active.filter(|_| !page_focused) {
            focus_event(&previous, "blur", false);
            focus_event(&previous, "focusout", true);
        }
        focus_event(el, "focus", false);
        focus_event(el, "focusin", true);
    }
    remember(el);
}

/// Takes the focus away from an element with `blur()`, as a click
/// elsewhere does: an edited text field first gets its `change`. As with
/// [`focus`], the `blur` and `focusout` events are dispatched if the
/// browser fired none. An element without the focus has nothing to lose,
/// and nothing happens (as with the DOM's `blur()`).
pub fn blur(el: &Element) {
    let active = active_element(el);
    // Focused: the document's active element, or inside a shadow root
    // (whose host is the active element then).
    let focused = active.as_ref() == Some(el) || el.matches(":focus").unwrap_or(false);
    // With nothing focused, the field the kit tracks as being edited
    // still counts (a page whose focus the browser took elsewhere).
    let edited =
        active.is_none() && EDITING.with(|e| e.borrow().as_ref().is_some_and(|(x, _)| x == el));
    if !focused && !edited {
        return;
    }
    commit_unless(None);
    let html: &HtmlElement = el.unchecked_ref();
    if !fires(el, "blur", || {
        let _ = html.blur();
    }) {
        focus_event(el, "blur", false);
        focus_event(el, "focusout", true);
    }
}

/// Sets a checkbox or radio to `checked` the way a click does, firing
/// `click`, `input` and `change` only if the state changes. Panics if the
/// input is disabled (a user cannot change it) or a handler kept it as it
/// was.
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
    assert!(
        !is_disabled(el),
        "check: the input is disabled: a user cannot change it"
    );
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
/// does. Panics, listing the options, if there is no such option, and if
/// the select or the option is disabled (a user cannot choose it).
pub fn select_option(el: &Element, value: &str) {
    let select = el
        .dyn_ref::<HtmlSelectElement>()
        .expect("select_option: the element is not a <select>");
    assert!(
        !is_disabled(el),
        "select_option: the <select> is disabled: a user cannot choose from it"
    );
    let options = select.options();
    let all: Vec<(String, String, bool)> = (0..options.length())
        .filter_map(|i| options.item(i))
        .map(|o| {
            let disabled = is_disabled(&o);
            let option: web_sys::HtmlOptionElement = o.unchecked_into();
            (option.value(), super::text(&option), disabled)
        })
        .collect();
    // By value first; by text only when no value matches.
    let index = (all.iter().position(|(v, _, _)| v == value))
        .or_else(|| all.iter().position(|(_, t, _)| t == value));
    let seen: Vec<&String> = all.iter().map(|(v, _, _)| v).collect();
    let Some(index) = index else {
        panic!("select_option: no option {value:?}; the options are {seen:?}");
    };
    assert!(
        !all[index].2,
        "select_option: the option {value:?} is disabled: a user cannot choose it"
    );
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
