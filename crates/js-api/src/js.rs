//! The JavaScript side of [`crate::convert`]: answers "what is this value" about a
//! `JsValue`. Every property read goes through a catching binding, so a throwing getter or
//! Proxy trap becomes a message instead of an exception unwinding through the module.

use js_sys::{Array, Set};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::convert::{Shape, Source};

#[wasm_bindgen]
extern "C" {
    /// `Object.keys(value)`, catching what a Proxy's `ownKeys` trap throws.
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> Result<Array, JsValue>;

    /// `Array.isArray(value)`, catching the TypeError a revoked Proxy throws.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
}

/// The containers on the current path, by identity (a JavaScript `Set`).
pub struct JsSource {
    on_path: Set,
}

impl JsSource {
    /// A source with an empty path.
    pub fn new() -> Self {
        Self {
            on_path: Set::new(&JsValue::UNDEFINED),
        }
    }
}

/// A thrown value as one line.
fn thrown(what: &str, error: &JsValue) -> String {
    let text = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.to_string()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "a value".to_owned());
    let text: String = text
        .lines()
        .next()
        .unwrap_or_default()
        .chars()
        .take(200)
        .collect();
    format!("{what} threw `{text}`")
}

impl Source for JsSource {
    type Node = JsValue;

    fn shape(&mut self, value: &JsValue) -> Result<Shape, String> {
        if value.is_undefined() {
            return Ok(Shape::Undefined);
        }
        if value.is_null() {
            return Ok(Shape::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Shape::Bool(b));
        }
        if let Some(n) = value.as_f64() {
            return Ok(Shape::Number(n));
        }
        if let Some(s) = value.as_string() {
            return Ok(Shape::String(s));
        }
        if value.is_bigint() {
            return Ok(Shape::Unsupported("a BigInt"));
        }
        if value.is_symbol() {
            return Ok(Shape::Unsupported("a symbol"));
        }
        if value.is_function() {
            return Ok(Shape::Unsupported("a function"));
        }
        if is_array(value).map_err(|e| thrown("looking at the value", &e))? {
            let length = js_sys::Reflect::get(value, &JsValue::from_str("length"))
                .map_err(|e| thrown("reading the array's length", &e))?;
            let length = length.as_f64().unwrap_or(0.0);
            // An array longer than the size bound is refused by the walk's byte count; the
            // clamp only keeps the conversion total.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "the length is clamped to 0..=u32::MAX first"
            )]
            return Ok(Shape::Array(length.clamp(0.0, f64::from(u32::MAX)) as u32));
        }
        let keys = object_keys(value).map_err(|e| thrown("listing the object's keys", &e))?;
        Ok(Shape::Object(
            keys.iter().filter_map(|k| k.as_string()).collect(),
        ))
    }

    fn element(&mut self, value: &JsValue, index: u32) -> Result<JsValue, String> {
        js_sys::Reflect::get_u32(value, index).map_err(|e| thrown("reading the element", &e))
    }

    fn member(&mut self, value: &JsValue, key: &str) -> Result<JsValue, String> {
        js_sys::Reflect::get(value, &JsValue::from_str(key))
            .map_err(|e| thrown("reading the member", &e))
    }

    fn enter(&mut self, value: &JsValue) -> bool {
        if self.on_path.has(value) {
            return false;
        }
        self.on_path.add(value);
        true
    }

    fn leave(&mut self, value: &JsValue) {
        self.on_path.delete(value);
    }
}
