//! Where the API finds the AWS action catalog: compiled in (feature `embedded-catalog`: the
//! CLI, the JS package), or handed over once at run time (the playground fetches
//! `catalog.tsv` lazily and loads it through the `loadCatalog` call). Without either, the
//! calls that need it answer that no catalog is loaded, and the rest work unchanged.

use std::sync::OnceLock;

use aws_catalog::{Catalog, CatalogError};

static LOADED: OnceLock<Catalog> = OnceLock::new();

/// Parses `text` and keeps it for the process; a second load keeps the first catalog.
pub fn load(text: &str) -> Result<&'static Catalog, CatalogError> {
    if let Some(catalog) = LOADED.get() {
        return Ok(catalog);
    }
    let catalog = Catalog::parse(text)?;
    Ok(LOADED.get_or_init(|| catalog))
}

/// The catalog, if one is loaded or compiled in.
pub fn get() -> Option<&'static Catalog> {
    #[cfg(feature = "embedded-catalog")]
    if LOADED.get().is_none() {
        return Some(Catalog::embedded());
    }
    LOADED.get()
}
