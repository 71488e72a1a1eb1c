//! Compile-time behaviour of `view!` and `#[component]`: `*-pass.rs` files
//! must build, `*-fail.rs` files must fail with the message in their
//! `.stderr`. Regenerate the expectations with `TRYBUILD=overwrite`, then
//! read every `.stderr`: each should point at the user's own tokens.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/*-pass.rs");
    t.compile_fail("tests/ui/*-fail.rs");
}
