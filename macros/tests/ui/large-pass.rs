//! Compile-time check (item 6): a 500-element view and a page of 50
//! components must build in seconds.
use larkspur::*;

#[component]
fn Big() -> impl IntoView {
    view! {
        <ul>
            <li class="row" data-i=0><span>"Row 0"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 0 % 2 == 1>"i"</i></li>
            <li class="row" data-i=1><span>"Row 1"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 1 % 2 == 1>"i"</i></li>
            <li class="row" data-i=2><span>"Row 2"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 2 % 2 == 1>"i"</i></li>
            <li class="row" data-i=3><span>"Row 3"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 3 % 2 == 1>"i"</i></li>
            <li class="row" data-i=4><span>"Row 4"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 4 % 2 == 1>"i"</i></li>
            <li class="row" data-i=5><span>"Row 5"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 5 % 2 == 1>"i"</i></li>
            <li class="row" data-i=6><span>"Row 6"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 6 % 2 == 1>"i"</i></li>
            <li class="row" data-i=7><span>"Row 7"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 7 % 2 == 1>"i"</i></li>
            <li class="row" data-i=8><span>"Row 8"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 8 % 2 == 1>"i"</i></li>
            <li class="row" data-i=9><span>"Row 9"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 9 % 2 == 1>"i"</i></li>
            <li class="row" data-i=10><span>"Row 10"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 10 % 2 == 1>"i"</i></li>
            <li class="row" data-i=11><span>"Row 11"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 11 % 2 == 1>"i"</i></li>
            <li class="row" data-i=12><span>"Row 12"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 12 % 2 == 1>"i"</i></li>
            <li class="row" data-i=13><span>"Row 13"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 13 % 2 == 1>"i"</i></li>
            <li class="row" data-i=14><span>"Row 14"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 14 % 2 == 1>"i"</i></li>
            <li class="row" data-i=15><span>"Row 15"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 15 % 2 == 1>"i"</i></li>
            <li class="row" data-i=16><span>"Row 16"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 16 % 2 == 1>"i"</i></li>
            <li class="row" data-i=17><span>"Row 17"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 17 % 2 == 1>"i"</i></li>
            <li class="row" data-i=18><span>"Row 18"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 18 % 2 == 1>"i"</i></li>
            <li class="row" data-i=19><span>"Row 19"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 19 % 2 == 1>"i"</i></li>
            <li class="row" data-i=20><span>"Row 20"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 20 % 2 == 1>"i"</i></li>
            <li class="row" data-i=21><span>"Row 21"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 21 % 2 == 1>"i"</i></li>
            <li class="row" data-i=22><span>"Row 22"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 22 % 2 == 1>"i"</i></li>
            <li class="row" data-i=23><span>"Row 23"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 23 % 2 == 1>"i"</i></li>
            <li class="row" data-i=24><span>"Row 24"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 24 % 2 == 1>"i"</i></li>
            <li class="row" data-i=25><span>"Row 25"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 25 % 2 == 1>"i"</i></li>
            <li class="row" data-i=26><span>"Row 26"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 26 % 2 == 1>"i"</i></li>
            <li class="row" data-i=27><span>"Row 27"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 27 % 2 == 1>"i"</i></li>
            <li class="row" data-i=28><span>"Row 28"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 28 % 2 == 1>"i"</i></li>
            <li class="row" data-i=29><span>"Row 29"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 29 % 2 == 1>"i"</i></li>
            <li class="row" data-i=30><span>"Row 30"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 30 % 2 == 1>"i"</i></li>
            <li class="row" data-i=31><span>"Row 31"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 31 % 2 == 1>"i"</i></li>
            <li class="row" data-i=32><span>"Row 32"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 32 % 2 == 1>"i"</i></li>
            <li class="row" data-i=33><span>"Row 33"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 33 % 2 == 1>"i"</i></li>
            <li class="row" data-i=34><span>"Row 34"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 34 % 2 == 1>"i"</i></li>
            <li class="row" data-i=35><span>"Row 35"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 35 % 2 == 1>"i"</i></li>
            <li class="row" data-i=36><span>"Row 36"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 36 % 2 == 1>"i"</i></li>
            <li class="row" data-i=37><span>"Row 37"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 37 % 2 == 1>"i"</i></li>
            <li class="row" data-i=38><span>"Row 38"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 38 % 2 == 1>"i"</i></li>
            <li class="row" data-i=39><span>"Row 39"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 39 % 2 == 1>"i"</i></li>
            <li class="row" data-i=40><span>"Row 40"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 40 % 2 == 1>"i"</i></li>
            <li class="row" data-i=41><span>"Row 41"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 41 % 2 == 1>"i"</i></li>
            <li class="row" data-i=42><span>"Row 42"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 42 % 2 == 1>"i"</i></li>
            <li class="row" data-i=43><span>"Row 43"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 43 % 2 == 1>"i"</i></li>
            <li class="row" data-i=44><span>"Row 44"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 44 % 2 == 1>"i"</i></li>
            <li class="row" data-i=45><span>"Row 45"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 45 % 2 == 1>"i"</i></li>
            <li class="row" data-i=46><span>"Row 46"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 46 % 2 == 1>"i"</i></li>
            <li class="row" data-i=47><span>"Row 47"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 47 % 2 == 1>"i"</i></li>
            <li class="row" data-i=48><span>"Row 48"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 48 % 2 == 1>"i"</i></li>
            <li class="row" data-i=49><span>"Row 49"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 49 % 2 == 1>"i"</i></li>
            <li class="row" data-i=50><span>"Row 50"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 50 % 2 == 1>"i"</i></li>
            <li class="row" data-i=51><span>"Row 51"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 51 % 2 == 1>"i"</i></li>
            <li class="row" data-i=52><span>"Row 52"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 52 % 2 == 1>"i"</i></li>
            <li class="row" data-i=53><span>"Row 53"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 53 % 2 == 1>"i"</i></li>
            <li class="row" data-i=54><span>"Row 54"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 54 % 2 == 1>"i"</i></li>
            <li class="row" data-i=55><span>"Row 55"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 55 % 2 == 1>"i"</i></li>
            <li class="row" data-i=56><span>"Row 56"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 56 % 2 == 1>"i"</i></li>
            <li class="row" data-i=57><span>"Row 57"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 57 % 2 == 1>"i"</i></li>
            <li class="row" data-i=58><span>"Row 58"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 58 % 2 == 1>"i"</i></li>
            <li class="row" data-i=59><span>"Row 59"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 59 % 2 == 1>"i"</i></li>
            <li class="row" data-i=60><span>"Row 60"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 60 % 2 == 1>"i"</i></li>
            <li class="row" data-i=61><span>"Row 61"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 61 % 2 == 1>"i"</i></li>
            <li class="row" data-i=62><span>"Row 62"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 62 % 2 == 1>"i"</i></li>
            <li class="row" data-i=63><span>"Row 63"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 63 % 2 == 1>"i"</i></li>
            <li class="row" data-i=64><span>"Row 64"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 64 % 2 == 1>"i"</i></li>
            <li class="row" data-i=65><span>"Row 65"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 65 % 2 == 1>"i"</i></li>
            <li class="row" data-i=66><span>"Row 66"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 66 % 2 == 1>"i"</i></li>
            <li class="row" data-i=67><span>"Row 67"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 67 % 2 == 1>"i"</i></li>
            <li class="row" data-i=68><span>"Row 68"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 68 % 2 == 1>"i"</i></li>
            <li class="row" data-i=69><span>"Row 69"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 69 % 2 == 1>"i"</i></li>
            <li class="row" data-i=70><span>"Row 70"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 70 % 2 == 1>"i"</i></li>
            <li class="row" data-i=71><span>"Row 71"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 71 % 2 == 1>"i"</i></li>
            <li class="row" data-i=72><span>"Row 72"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 72 % 2 == 1>"i"</i></li>
            <li class="row" data-i=73><span>"Row 73"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 73 % 2 == 1>"i"</i></li>
            <li class="row" data-i=74><span>"Row 74"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 74 % 2 == 1>"i"</i></li>
            <li class="row" data-i=75><span>"Row 75"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 75 % 2 == 1>"i"</i></li>
            <li class="row" data-i=76><span>"Row 76"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 76 % 2 == 1>"i"</i></li>
            <li class="row" data-i=77><span>"Row 77"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 77 % 2 == 1>"i"</i></li>
            <li class="row" data-i=78><span>"Row 78"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 78 % 2 == 1>"i"</i></li>
            <li class="row" data-i=79><span>"Row 79"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 79 % 2 == 1>"i"</i></li>
            <li class="row" data-i=80><span>"Row 80"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 80 % 2 == 1>"i"</i></li>
            <li class="row" data-i=81><span>"Row 81"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 81 % 2 == 1>"i"</i></li>
            <li class="row" data-i=82><span>"Row 82"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 82 % 2 == 1>"i"</i></li>
            <li class="row" data-i=83><span>"Row 83"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 83 % 2 == 1>"i"</i></li>
            <li class="row" data-i=84><span>"Row 84"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 84 % 2 == 1>"i"</i></li>
            <li class="row" data-i=85><span>"Row 85"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 85 % 2 == 1>"i"</i></li>
            <li class="row" data-i=86><span>"Row 86"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 86 % 2 == 1>"i"</i></li>
            <li class="row" data-i=87><span>"Row 87"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 87 % 2 == 1>"i"</i></li>
            <li class="row" data-i=88><span>"Row 88"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 88 % 2 == 1>"i"</i></li>
            <li class="row" data-i=89><span>"Row 89"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 89 % 2 == 1>"i"</i></li>
            <li class="row" data-i=90><span>"Row 90"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 90 % 2 == 1>"i"</i></li>
            <li class="row" data-i=91><span>"Row 91"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 91 % 2 == 1>"i"</i></li>
            <li class="row" data-i=92><span>"Row 92"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 92 % 2 == 1>"i"</i></li>
            <li class="row" data-i=93><span>"Row 93"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 93 % 2 == 1>"i"</i></li>
            <li class="row" data-i=94><span>"Row 94"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 94 % 2 == 1>"i"</i></li>
            <li class="row" data-i=95><span>"Row 95"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 95 % 2 == 1>"i"</i></li>
            <li class="row" data-i=96><span>"Row 96"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 96 % 2 == 1>"i"</i></li>
            <li class="row" data-i=97><span>"Row 97"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 97 % 2 == 1>"i"</i></li>
            <li class="row" data-i=98><span>"Row 98"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 98 % 2 == 1>"i"</i></li>
            <li class="row" data-i=99><span>"Row 99"</span><a href="#">"x"</a><b>{"b"}</b><i class:odd=move || 99 % 2 == 1>"i"</i></li>
        </ul>
    }
}

#[component]
fn Part0(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "0"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part1(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "1"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part2(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "2"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part3(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "3"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part4(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "4"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part5(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "5"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part6(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "6"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part7(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "7"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part8(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "8"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part9(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "9"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part10(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "10"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part11(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "11"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part12(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "12"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part13(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "13"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part14(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "14"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part15(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "15"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part16(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "16"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part17(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "17"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part18(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "18"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part19(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "19"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part20(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "20"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part21(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "21"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part22(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "22"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part23(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "23"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part24(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "24"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part25(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "25"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part26(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "26"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part27(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "27"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part28(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "28"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part29(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "29"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part30(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "30"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part31(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "31"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part32(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "32"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part33(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "33"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part34(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "34"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part35(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "35"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part36(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "36"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part37(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "37"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part38(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "38"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part39(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "39"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part40(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "40"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part41(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "41"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part42(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "42"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part43(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "43"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part44(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "44"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part45(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "45"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part46(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "46"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part47(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "47"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part48(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "48"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Part49(value: i32, #[prop(optional)] label: &'static str) -> impl IntoView {
    let (n, set_n) = create_signal(value);
    view! { <section><h2>{label} "49"</h2><button on:click=move |_| set_n(n() + 1)>{n}</button></section> }
}

#[component]
fn Page() -> impl IntoView {
    view! {
        <main>
            <Part0 value=0 label="part"/>
            <Part1 value=1 label="part"/>
            <Part2 value=2 label="part"/>
            <Part3 value=3 label="part"/>
            <Part4 value=4 label="part"/>
            <Part5 value=5 label="part"/>
            <Part6 value=6 label="part"/>
            <Part7 value=7 label="part"/>
            <Part8 value=8 label="part"/>
            <Part9 value=9 label="part"/>
            <Part10 value=10 label="part"/>
            <Part11 value=11 label="part"/>
            <Part12 value=12 label="part"/>
            <Part13 value=13 label="part"/>
            <Part14 value=14 label="part"/>
            <Part15 value=15 label="part"/>
            <Part16 value=16 label="part"/>
            <Part17 value=17 label="part"/>
            <Part18 value=18 label="part"/>
            <Part19 value=19 label="part"/>
            <Part20 value=20 label="part"/>
            <Part21 value=21 label="part"/>
            <Part22 value=22 label="part"/>
            <Part23 value=23 label="part"/>
            <Part24 value=24 label="part"/>
            <Part25 value=25 label="part"/>
            <Part26 value=26 label="part"/>
            <Part27 value=27 label="part"/>
            <Part28 value=28 label="part"/>
            <Part29 value=29 label="part"/>
            <Part30 value=30 label="part"/>
            <Part31 value=31 label="part"/>
            <Part32 value=32 label="part"/>
            <Part33 value=33 label="part"/>
            <Part34 value=34 label="part"/>
            <Part35 value=35 label="part"/>
            <Part36 value=36 label="part"/>
            <Part37 value=37 label="part"/>
            <Part38 value=38 label="part"/>
            <Part39 value=39 label="part"/>
            <Part40 value=40 label="part"/>
            <Part41 value=41 label="part"/>
            <Part42 value=42 label="part"/>
            <Part43 value=43 label="part"/>
            <Part44 value=44 label="part"/>
            <Part45 value=45 label="part"/>
            <Part46 value=46 label="part"/>
            <Part47 value=47 label="part"/>
            <Part48 value=48 label="part"/>
            <Part49 value=49 label="part"/>
            <Big/>
        </main>
    }
}

fn main() {
    let _page: fn() -> _ = Page;
}
