// Vanilla JS baseline for the js-framework-benchmark (keyed), written from
// /work/shared/JSFB.md: direct DOM work, one cloned row template, one
// delegated click listener on the tbody.
"use strict";

const ADJECTIVES = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
const COLOURS = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
const NOUNS = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

const pick = (list) => list[Math.round(Math.random() * 1000) % list.length];

let nextId = 1;
const tbody = document.getElementById("tbody");
const table = tbody.parentNode;

// The row elements in table order.
let rows = [];
let selected = null;

const template = document.createElement("template");
template.innerHTML =
  '<tr><td class="col-md-1"> </td><td class="col-md-4"><a> </a></td>' +
  '<td class="col-md-1"><a><span class="glyphicon glyphicon-remove" aria-hidden="true"></span></a></td>' +
  '<td class="col-md-6"></td></tr>';
const rowTemplate = template.content.firstChild;

function createRow(id) {
  const tr = rowTemplate.cloneNode(true);
  const idCell = tr.firstChild;
  idCell.firstChild.nodeValue = id;
  idCell.nextSibling.firstChild.firstChild.nodeValue =
    pick(ADJECTIVES) + " " + pick(COLOURS) + " " + pick(NOUNS);
  return tr;
}

function appendRows(count) {
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < count; i++) {
    const tr = createRow(nextId++);
    rows.push(tr);
    fragment.appendChild(tr);
  }
  tbody.appendChild(fragment);
}

function unselect() {
  if (selected !== null) {
    selected.className = "";
    selected = null;
  }
}

function clearRows() {
  unselect();
  rows = [];
  // Detaching the tbody first makes the mass removal cheaper for layout.
  table.removeChild(tbody);
  tbody.textContent = "";
  table.appendChild(tbody);
}

function run(count) {
  if (rows.length !== 0) clearRows();
  appendRows(count);
}

function update() {
  unselect();
  for (let i = 0; i < rows.length; i += 10) {
    const text = rows[i].firstChild.nextSibling.firstChild.firstChild;
    text.nodeValue += " !!!";
  }
}

function swapRows() {
  if (rows.length > 998) {
    const a = rows[1];
    const b = rows[998];
    const afterB = b.nextSibling;
    tbody.insertBefore(b, a);
    tbody.insertBefore(a, afterB);
    rows[1] = b;
    rows[998] = a;
  }
}

function select(tr) {
  if (selected === tr) return;
  unselect();
  tr.className = "danger";
  selected = tr;
}

function remove(tr) {
  const index = rows.indexOf(tr);
  if (index < 0) return;
  if (selected === tr) selected = null;
  rows.splice(index, 1);
  tr.remove();
}

document.getElementById("run").addEventListener("click", () => run(1000));
document.getElementById("runlots").addEventListener("click", () => run(10000));
document.getElementById("add").addEventListener("click", () => {
  unselect();
  appendRows(1000);
});
document.getElementById("update").addEventListener("click", update);
document.getElementById("clear").addEventListener("click", () => {
  if (rows.length !== 0) clearRows();
});
document.getElementById("swaprows").addEventListener("click", swapRows);

tbody.addEventListener("click", (event) => {
  const target = event.target;
  const link = target.closest("a");
  if (link === null) return;
  event.preventDefault();
  const tr = link.closest("tr");
  if (link.parentNode.className === "col-md-4") select(tr);
  else remove(tr);
});
