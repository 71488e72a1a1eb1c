//! [`Provider`]: a context value for one subtree only.

use std::marker::PhantomData;

use larkspur_reactive::{provide_context, Owner};

use crate::components::{Children, Props};
use crate::view::{IntoView, View};

/// Props of [`Provider`].
pub struct ProviderProps<T> {
    /// The context value its children see.
    pub value: T,
    /// The subtree that sees it.
    pub children: Children,
}

/// Builder of [`ProviderProps`].
#[must_use = "call .build() to get the props"]
pub struct ProviderPropsBuilder<T> {
    value: Option<T>,
    children: Option<Children>,
    ty: PhantomData<T>,
}

impl<T> ProviderPropsBuilder<T> {
    /// Sets the value.
    pub fn value(mut self, value: T) -> Self {
        self.value = Some(value);
        self
    }
    /// Sets the children.
    pub fn children(mut self, children: Children) -> Self {
        self.children = Some(children);
        self
    }
    /// Finishes the props.
    ///
    /// # Panics
    ///
    /// Without a `value`, naming the component (a `<Provider>` with
    /// nothing to provide is a mistake in the view).
    #[track_caller]
    pub fn build(self) -> ProviderProps<T> {
        let Some(value) = self.value else {
            panic!("<Provider> needs a `value` prop");
        };
        ProviderProps {
            value,
            children: self.children.unwrap_or_else(|| Box::new(Default::default)),
        }
    }
}

impl<T> Props for ProviderProps<T> {
    type Builder = ProviderPropsBuilder<T>;
    fn builder() -> Self::Builder {
        ProviderPropsBuilder {
            value: None,
            children: None,
            ty: PhantomData,
        }
    }
}

/// Provides `value` as a context to its children only, not to the
/// component's siblings that come after it (`provide_context` in a
/// component body reaches everything that component renders later).
///
/// # Example
///
/// ```no_run
/// use larkspur::*;
///
/// #[derive(Clone)]
/// struct Theme(&'static str);
///
/// #[component]
/// fn Label() -> impl IntoView {
///     let theme = use_context::<Theme>().map(|t| t.0).unwrap_or("plain");
///     view! { <span>{theme}</span> }
/// }
///
/// let _ = view! {
///     <Provider value=Theme("dark")><Label/></Provider>
///     <Label/>
/// };
/// ```
#[allow(non_snake_case)]
pub fn Provider<T: Clone + 'static>(props: ProviderProps<T>) -> impl IntoView {
    let ProviderProps { value, children } = props;
    let owner = Owner::new_child();
    owner.with(move || -> View {
        provide_context(value);
        children().into_view()
    })
}
