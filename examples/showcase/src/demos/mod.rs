//! The demos, one file each; each page shows its demo's file as source.

pub mod counter;
pub mod data;
pub mod lifecycle;
pub mod router;
pub mod tabs;
pub mod todos;
