//! js-framework-benchmark (keyed) with plain wasm-bindgen + web-sys: no
//! framework, direct DOM calls from Rust — the floor a Rust framework can reach.
//! The static page is in index.html; rows are clones of one parsed `<tr>`.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, Node, Text};

const ADJECTIVES: &[&str] = &[
    "pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint",
    "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly",
    "adorable", "important", "inexpensive", "cheap", "expensive", "fancy",
];
const COLOURS: &[&str] = &[
    "red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black",
    "orange",
];
const NOUNS: &[&str] = &[
    "table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger",
    "pizza", "mouse", "keyboard",
];

fn pick(list: &[&'static str]) -> &'static str {
    // Math.round(Math.random() * 1000) % len, as the specification says.
    list[(js_sys::Math::random() * 1000.0).round() as usize % list.len()]
}

/// The id as decimal text, without pulling in `core::fmt`.
fn decimal(mut n: usize) -> String {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    String::from_utf8_lossy(&digits[i..]).into_owned()
}

struct Row {
    id: usize,
    tr: Element,
    label: Text,
}

struct App {
    document: Document,
    table: Node,
    tbody: Element,
    template: Node,
    rows: Vec<Row>,
    next_id: usize,
    selected: Option<usize>,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

impl App {
    fn append(&mut self, count: usize) {
        let fragment = self.document.create_document_fragment();
        self.rows.reserve(count);
        for _ in 0..count {
            let id = self.next_id;
            self.next_id += 1;
            let tr: Element = self.template.clone_node_with_deep(true).unwrap().unchecked_into();
            let id_cell = tr.first_child().unwrap();
            id_cell.first_child().unwrap().set_node_value(Some(&decimal(id)));
            let label: Text = id_cell
                .next_sibling()
                .unwrap()
                .first_child()
                .unwrap()
                .first_child()
                .unwrap()
                .unchecked_into();
            let mut text = String::with_capacity(32);
            text.push_str(pick(ADJECTIVES));
            text.push(' ');
            text.push_str(pick(COLOURS));
            text.push(' ');
            text.push_str(pick(NOUNS));
            label.set_data(&text);
            fragment.append_child(&tr).unwrap();
            self.rows.push(Row { id, tr, label });
        }
        self.tbody.append_child(&fragment).unwrap();
    }

    fn unselect(&mut self) {
        if let Some(id) = self.selected.take() {
            if let Some(row) = self.rows.iter().find(|r| r.id == id) {
                row.tr.set_class_name("");
            }
        }
    }

    fn clear(&mut self) {
        self.unselect();
        if self.rows.is_empty() {
            return;
        }
        self.rows.clear();
        // Detached, the mass removal does not invalidate the table's layout row by row.
        self.table.remove_child(&self.tbody).unwrap();
        self.tbody.set_text_content(None);
        self.table.append_child(&self.tbody).unwrap();
    }

    fn run(&mut self, count: usize) {
        self.clear();
        self.append(count);
    }

    fn update(&mut self) {
        self.unselect();
        for row in self.rows.iter().step_by(10) {
            row.label.append_data(" !!!").unwrap();
        }
    }

    fn swap_rows(&mut self) {
        if self.rows.len() > 998 {
            let a = &self.rows[1].tr;
            let b = &self.rows[998].tr;
            let after_b = b.next_sibling();
            self.tbody.insert_before(b, Some(a)).unwrap();
            self.tbody.insert_before(a, after_b.as_ref()).unwrap();
            self.rows.swap(1, 998);
        }
    }

    fn select(&mut self, id: usize) {
        if self.selected == Some(id) {
            return;
        }
        self.unselect();
        if let Some(row) = self.rows.iter().find(|r| r.id == id) {
            row.tr.set_class_name("danger");
            self.selected = Some(id);
        }
    }

    fn remove(&mut self, id: usize) {
        if let Some(index) = self.rows.iter().position(|r| r.id == id) {
            let row = self.rows.remove(index);
            row.tr.remove();
            if self.selected == Some(id) {
                self.selected = None;
            }
        }
    }
}

fn with_app(f: impl FnOnce(&mut App)) {
    APP.with(|app| f(app.borrow_mut().as_mut().unwrap()));
}

fn on_click(document: &Document, id: &str, f: fn(&mut App)) {
    let handler = Closure::<dyn Fn()>::new(move || with_app(f));
    document
        .get_element_by_id(id)
        .unwrap()
        .add_event_listener_with_callback("click", handler.as_ref().unchecked_ref())
        .unwrap();
    handler.forget();
}

fn on_row_click(event: Event) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Ok(Some(link)) = target.closest("a") else {
        return;
    };
    event.prevent_default();
    let Ok(Some(tr)) = link.closest("tr") else {
        return;
    };
    let Some(id) = tr.first_child().and_then(|td| td.text_content()).and_then(|t| t.parse().ok())
    else {
        return;
    };
    let is_label = link.parent_element().is_some_and(|td| td.class_name() == "col-md-4");
    with_app(|app| if is_label { app.select(id) } else { app.remove(id) });
}

fn main() {
    let document = web_sys::window().unwrap().document().unwrap();
    let tbody = document.get_element_by_id("tbody").unwrap();
    let table = tbody.parent_node().unwrap();
    let template = document.create_element("tr").unwrap();
    template.set_inner_html(
        "<td class=\"col-md-1\"> </td><td class=\"col-md-4\"><a> </a></td>\
         <td class=\"col-md-1\"><a><span class=\"glyphicon glyphicon-remove\" aria-hidden=\"true\"></span></a></td>\
         <td class=\"col-md-6\"></td>",
    );

    on_click(&document, "run", |app| app.run(1000));
    on_click(&document, "runlots", |app| app.run(10000));
    on_click(&document, "add", |app| {
        app.unselect();
        app.append(1000)
    });
    on_click(&document, "update", App::update);
    on_click(&document, "clear", App::clear);
    on_click(&document, "swaprows", App::swap_rows);
    let rows_handler = Closure::<dyn Fn(Event)>::new(on_row_click);
    tbody
        .add_event_listener_with_callback("click", rows_handler.as_ref().unchecked_ref())
        .unwrap();
    rows_handler.forget();

    APP.with(|app| {
        *app.borrow_mut() = Some(App {
            document,
            table,
            tbody,
            template: template.into(),
            rows: Vec::new(),
            next_id: 1,
            selected: None,
        })
    });
}
