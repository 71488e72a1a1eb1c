//! Larkspur (placeholder).
