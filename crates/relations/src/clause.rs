//! Finding relations inside sentences and clauses.

use crate::lexicon::Lexicon;
use claimgraph_actors::Recognition;
use claimgraph_model::{PartialDate, Relation, Span};

/// Code the relations of a (folded) text.
pub(crate) fn relations(
    _text: &str,
    _sentences: &[Span],
    _rec: &Recognition,
    _lexicon: &Lexicon,
    _published: Option<PartialDate>,
) -> Vec<Relation> {
    Vec::new()
}
