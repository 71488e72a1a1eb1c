use larkspur_reactive::*;
use std::cell::RefCell;
use std::rc::Rc;

#[test]
fn smoke() {
    let log = Rc::new(RefCell::new(Vec::<String>::new()));
    let (name, set_name) = create_signal("Alice");
    let name_upper = create_memo(move |_| name.with(|n| n.to_uppercase()));
    let name_len = create_memo(move |_| name.len());
    let l = log.clone();
    create_effect(move |_| l.borrow_mut().push(format!("len = {}", name_len())));
    let l = log.clone();
    create_effect(move |_| l.borrow_mut().push(format!("name = {}", name_upper())));
    flush();
    set_name("Bob");
    set_name("Tim");
    assert_eq!(
        *log.borrow(),
        [
            "len = 5",
            "name = ALICE",
            "len = 3",
            "name = BOB",
            "name = TIM"
        ]
    );
}
