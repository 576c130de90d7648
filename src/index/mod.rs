//! The search index's logic, above the store's raw queries: the query
//! language and its compilation to full-text expressions, the scoring of
//! similar articles, and near-duplicate folding. The store keeps only what
//! these read (postings, document frequencies, texts by key).
