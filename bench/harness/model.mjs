//! What each benchmark operation must do to the rows, as a model the harness
//! keeps alongside the page: it yields the click target and the condition
//! that tells the operation is done, and (in strict mode) the full expected
//! table to compare the DOM with.

export const ADJECTIVES = ["pretty", "large", "big", "small", "tall", "short", "long", "handsome", "plain", "quaint", "clean", "elegant", "easy", "angry", "crazy", "helpful", "mushy", "odd", "unsightly", "adorable", "important", "inexpensive", "cheap", "expensive", "fancy"];
export const COLOURS = ["red", "yellow", "blue", "green", "pink", "brown", "purple", "brown", "white", "black", "orange"];
export const NOUNS = ["table", "chair", "house", "bbq", "desk", "car", "pony", "cookie", "sandwich", "burger", "pizza", "mouse", "keyboard"];

const TBODY = "document.querySelector('table.test-data > tbody')";

export class RowModel {
  constructor() {
    this.ids = [];
    this.bangs = []; // how many " !!!" each row's label carries
    this.nextId = 1;
    this.selected = null; // id of the selected row
    this.baseLabels = new Map(); // id -> label as first seen (strict mode)
  }

  #create(count) {
    const ids = [];
    for (let i = 0; i < count; i++) ids.push(this.nextId++);
    return ids;
  }

  /**
   * Applies an action to the model; returns { click, done, describe } where
   * click is a JS expression for the element to click and done a JS
   * expression that is true once the page shows the new state.
   */
  apply(action) {
    let click;
    let touched = [];
    switch (action.op) {
      case "run":
      case "runlots": {
        const n = action.op === "run" ? 1000 : 10000;
        this.ids = this.#create(n);
        this.bangs = new Array(n).fill(0);
        this.selected = null;
        click = `document.getElementById('${action.op}')`;
        touched = [0, n - 1];
        break;
      }
      case "add": {
        const start = this.ids.length;
        this.ids.push(...this.#create(1000));
        this.bangs.push(...new Array(1000).fill(0));
        this.selected = null;
        click = "document.getElementById('add')";
        touched = [start, this.ids.length - 1];
        if (start > 0) touched.push(start - 1);
        break;
      }
      case "update": {
        for (let i = 0; i < this.ids.length; i += 10) this.bangs[i]++;
        this.selected = null;
        click = "document.getElementById('update')";
        if (this.ids.length) touched = [0, Math.floor((this.ids.length - 1) / 10) * 10];
        break;
      }
      case "clear":
        this.ids = [];
        this.bangs = [];
        this.selected = null;
        click = "document.getElementById('clear')";
        break;
      case "swaprows": {
        if (this.ids.length > 998) {
          for (const arr of [this.ids, this.bangs]) [arr[1], arr[998]] = [arr[998], arr[1]];
          touched = [1, 998];
        }
        click = "document.getElementById('swaprows')";
        break;
      }
      case "select": {
        const i = action.index;
        this.selected = this.ids[i];
        click = `${TBODY}.rows[${i}].cells[1].querySelector('a')`;
        touched = [i];
        break;
      }
      case "remove": {
        const i = action.index;
        const [gone] = this.ids.splice(i, 1);
        this.bangs.splice(i, 1);
        if (this.selected === gone) this.selected = null;
        click = `${TBODY}.rows[${i}].cells[2].querySelector('a > span')`;
        touched = [i, i - 1].filter((j) => j >= 0 && j < this.ids.length);
        break;
      }
      default:
        throw new Error(`unknown op ${action.op}`);
    }
    return { click, done: this.#doneExpression(touched), describe: describe(action) };
  }

  /** A cheap O(touched) check, safe to poll while an operation is measured. */
  #doneExpression(touched) {
    const checks = touched.map((i) => {
      const bang = " !!!".repeat(this.bangs[i]);
      const more = bang + " !!!";
      return `(r[${i}] && r[${i}].cells[0].textContent === ${JSON.stringify(String(this.ids[i]))} && (l = r[${i}].cells[1].textContent, l.endsWith(${JSON.stringify(bang)}) && !l.endsWith(${JSON.stringify(more)})))`;
    });
    const sel = this.selected === null ? -1 : this.ids.indexOf(this.selected);
    if (sel >= 0) checks.push(`r[${sel}].className.split(' ').includes('danger')`);
    return `(() => { const b = ${TBODY}; if (!b) return false; const r = b.rows; let l; if (r.length !== ${this.ids.length}) return false; return ${checks.length ? checks.join(" && ") : "true"}; })()`;
  }

  /** Compares a full DOM snapshot (see SNAPSHOT) with the model; returns errors. */
  verify(snap, context) {
    const errors = [...snap.errors];
    if (snap.ids.length !== this.ids.length) errors.push(`expected ${this.ids.length} rows, found ${snap.ids.length}`);
    const n = Math.min(snap.ids.length, this.ids.length);
    let reported = 0;
    for (let i = 0; i < n && reported < 5; i++) {
      const id = this.ids[i];
      if (snap.ids[i] !== String(id)) {
        errors.push(`row ${i}: expected id ${id}, found ${snap.ids[i]}`);
        reported++;
        continue;
      }
      const label = snap.labels[i];
      const bang = " !!!".repeat(this.bangs[i]);
      if (!label.endsWith(bang)) {
        errors.push(`row ${i} (id ${id}): label ${JSON.stringify(label)} should end with ${this.bangs[i]}× " !!!"`);
        reported++;
        continue;
      }
      const base = label.slice(0, label.length - bang.length);
      const known = this.baseLabels.get(id);
      if (known === undefined) {
        if (!LABEL.test(base)) {
          errors.push(`row ${i} (id ${id}): label ${JSON.stringify(label)} is not adjective colour noun`);
          reported++;
        }
        this.baseLabels.set(id, base);
      } else if (known !== base) {
        errors.push(`row ${i} (id ${id}): label changed from ${JSON.stringify(known)} to ${JSON.stringify(label)}`);
        reported++;
      }
    }
    const expectedDanger = this.selected === null ? [] : [String(this.selected)];
    const danger = snap.danger.map((i) => snap.ids[i]);
    if (JSON.stringify(danger) !== JSON.stringify(expectedDanger)) {
      errors.push(`rows with class "danger": expected [${expectedDanger}], found [${danger}]`);
    }
    return errors.map((e) => `${context}: ${e}`);
  }
}

const LABEL = new RegExp(`^(${ADJECTIVES.join("|")}) (${COLOURS.join("|")}) (${NOUNS.join("|")})$`);

function describe(action) {
  return action.index === undefined ? action.op : `${action.op}(${action.index})`;
}

/** In-page expression: the whole table, with structural errors per row. */
export const SNAPSHOT = `(() => {
  const errors = [];
  const b = ${TBODY};
  if (!b) return { errors: ['no table.test-data > tbody'], ids: [], labels: [], danger: [] };
  const ids = [], labels = [], danger = [];
  for (const child of b.children) if (child.tagName !== 'TR') errors.push('tbody holds a <' + child.tagName.toLowerCase() + '>');
  const rows = b.rows;
  for (let i = 0; i < rows.length; i++) {
    const tr = rows[i];
    const td = tr.children;
    const bad = (what) => { if (errors.length < 20) errors.push('row ' + i + ': ' + what); };
    if (tr.classList.contains('danger')) danger.push(i);
    if (tr.className !== '' && tr.className !== 'danger') bad('tr class is "' + tr.className + '"');
    if (td.length !== 4) { bad(td.length + ' cells'); ids.push(tr.textContent); labels.push(''); continue; }
    const cls = [...td].map((c) => c.tagName + '.' + c.className).join(' ');
    if (cls !== 'TD.col-md-1 TD.col-md-4 TD.col-md-1 TD.col-md-6') bad('cells are ' + cls);
    if (td[0].children.length !== 0) bad('id cell holds elements');
    ids.push(td[0].textContent);
    const a = td[1].children;
    if (a.length !== 1 || a[0].tagName !== 'A') bad('label cell is not one <a>');
    labels.push(td[1].textContent);
    const ra = td[2].children;
    const span = ra.length === 1 && ra[0].tagName === 'A' ? ra[0].children[0] : null;
    if (!span || ra[0].children.length !== 1 || span.tagName !== 'SPAN' || span.className !== 'glyphicon glyphicon-remove' || span.getAttribute('aria-hidden') !== 'true')
      bad('remove cell is not a > span.glyphicon.glyphicon-remove[aria-hidden=true]');
    if (td[3].childNodes.length !== 0 && td[3].textContent !== '') bad('last cell is not empty');
  }
  return { errors, ids, labels, danger };
})()`;

/** In-page expression: the static page structure JSFB.md prescribes. */
export const PAGE_CHECK = `(() => {
  const errors = [];
  const q = (s) => document.querySelector(s);
  if (!q('link[rel=stylesheet][href$="/css/currentStyle.css"]')) errors.push('no <link rel=stylesheet href=/css/currentStyle.css>');
  if (!q('span.preloadicon.glyphicon.glyphicon-remove[aria-hidden=true]')) errors.push('no span.preloadicon.glyphicon.glyphicon-remove[aria-hidden=true]');
  if (!q('div#main > div.container > div.jumbotron')) errors.push('no div#main > div.container > div.jumbotron');
  if (!q('div.jumbotron h1')) errors.push('no h1 in the jumbotron');
  const buttons = { run: 'Create 1,000 rows', runlots: 'Create 10,000 rows', add: 'Append 1,000 rows', update: 'Update every 10th row', clear: 'Clear', swaprows: 'Swap Rows' };
  for (const [id, text] of Object.entries(buttons)) {
    const b = document.getElementById(id);
    if (!b) { errors.push('no #' + id); continue; }
    if (b.tagName !== 'BUTTON' || b.type !== 'button' || !['btn', 'btn-primary', 'btn-block'].every((c) => b.classList.contains(c))) errors.push('#' + id + ' is not button.btn.btn-primary.btn-block[type=button]');
    if (b.textContent.trim() !== text) errors.push('#' + id + ' says "' + b.textContent.trim() + '", expected "' + text + '"');
    const p = b.parentElement;
    if (!p || !p.matches('div.col-sm-6.smallpad') || !p.closest('div.jumbotron')) errors.push('#' + id + ' is not inside div.jumbotron div.col-sm-6.smallpad');
  }
  if (!q('div#main table.table.table-hover.table-striped.test-data > tbody')) errors.push('no table.table.table-hover.table-striped.test-data > tbody');
  return errors;
})()`;
