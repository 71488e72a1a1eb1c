//! `Serialize`/`Deserialize` for signals (cargo feature `serde`): a signal serializes as its value.
//!
//! Serializing reads the value *tracked*, so an effect that saves a signal
//! as JSON re-runs when it changes. Deserializing creates a new signal
//! owned by the current owner.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::memo::Memo;
use crate::signal::{create_rw_signal, ReadSignal, RwSignal};
use crate::wrappers::{MaybeSignal, Signal};

macro_rules! serialize_as_value {
    ($($ty:ident),*) => {$(
        impl<T: Serialize + 'static> Serialize for $ty<T> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                self.with(|value| value.serialize(serializer))
            }
        }
    )*};
}

serialize_as_value!(ReadSignal, RwSignal, Memo, Signal, MaybeSignal);

impl<'de, T: Deserialize<'de> + 'static> Deserialize<'de> for RwSignal<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(create_rw_signal)
    }
}

impl<'de, T: Deserialize<'de> + 'static> Deserialize<'de> for ReadSignal<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(|v| create_rw_signal(v).read_only())
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for MaybeSignal<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::deserialize(deserializer).map(MaybeSignal::Static)
    }
}
