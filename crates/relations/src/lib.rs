//! Coding relations and claims: who does what to whom, who says so, and when.
//!
//! The core types are [`Extractor`] (the compiled dictionary and trigger lexicon) and
//! [`Extraction`] (the actors, mentions and relations of one document, with byte spans into the
//! document's text). Extraction is a pure function: a document in, an extraction out.
//!
//! ```
//! use claimgraph_model::Document;
//! use claimgraph_relations::Extractor;
//! let ex = Extractor::builtin();
//! let doc = Document { id: "x".into(), text: "Iran supplied rockets to Hizballah.".into(), ..Default::default() };
//! let out = ex.extract(&doc);
//! let r = &out.relations[0];
//! assert_eq!((out.actors[r.subject].id.as_str(), r.category.as_str(), out.actors[r.object].id.as_str()),
//!            ("st_iran", "AID", "ag_hizballah"));
//! ```
#![deny(missing_docs)]

mod attribution;
mod clause;
pub mod lexicon;

use claimgraph_actors::Recognizer;
use claimgraph_model::{ActorRef, Document, Mention, Relation};
use claimgraph_text::{sentences, Folded};

pub use lexicon::{Lexicon, LexiconError};

/// The compiled resources of extraction. Build once, share across threads.
pub struct Extractor {
    recognizer: Recognizer,
    lexicon: Lexicon,
}

/// What one document yields. Spans are byte offsets into the document's text.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Actors in order of first mention.
    pub actors: Vec<ActorRef>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Relations in text order.
    pub relations: Vec<Relation>,
    /// Sentences, as byte spans.
    pub sentences: Vec<claimgraph_model::Span>,
    /// Word count of the text.
    pub words: usize,
}

impl Extractor {
    /// The built-in dictionary and lexicon.
    pub fn builtin() -> Extractor {
        Extractor::new(Recognizer::builtin(), Lexicon::builtin())
    }

    /// From a compiled dictionary and lexicon.
    pub fn new(recognizer: Recognizer, lexicon: Lexicon) -> Extractor {
        Extractor {
            recognizer,
            lexicon,
        }
    }

    /// The dictionary.
    pub fn recognizer(&self) -> &Recognizer {
        &self.recognizer
    }

    /// The trigger lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The actor that publishes the document, when its outlet is a state or a state agency of
    /// the dictionary ("U.S. Department of State"): the implicit agent of its agentless
    /// designations ("Hizballah was designated as an FTO in 1997"). Added to the actors (with no
    /// mention) when the text does not name it.
    fn publisher(&self, doc: &Document, rec: &mut claimgraph_actors::Recognition) -> Option<usize> {
        // "U.S. Department of State; Office of the DNI": the first of several publishers.
        let outlet = doc.outlet.as_deref()?.split([';', '/']).next()?.trim();
        let f = Folded::new(outlet);
        let r = self.recognizer.recognize(&f.text, &sentences(&f.text));
        let m = r.mentions.first()?;
        // The name must be (nearly) the whole outlet, not a word inside it.
        if m.span.len() * 10 < f.text.trim().len() * 7 {
            return None;
        }
        let a = &r.actors[m.actor];
        if !a.known
            || !matches!(
                a.kind,
                claimgraph_model::ActorType::State | claimgraph_model::ActorType::StateAgency
            )
        {
            return None;
        }
        Some(match rec.actor_index(&a.id) {
            Some(i) => i,
            None => {
                rec.actors.push(a.clone());
                rec.actors.len() - 1
            }
        })
    }

    /// [`Extractor::extract`] that turns a bug which panics on one document's text into an
    /// error for that document, so that a long run goes on with the others.
    pub fn try_extract(&self, doc: &Document) -> Result<Extraction, String> {
        guarded(&doc.id, || self.extract(doc))
    }

    /// Extract actors, mentions and relations from a document.
    pub fn extract(&self, doc: &Document) -> Extraction {
        let folded = Folded::new(&doc.text);
        let text: &str = &folded.text;
        let sents = sentences(text);
        let mut rec = self.recognizer.recognize(text, &sents);
        let publisher = self.publisher(doc, &mut rec);
        let mut relations =
            clause::relations(text, &sents, &rec, &self.lexicon, doc.published, publisher);
        let mut mentions = rec.mentions;
        let mut sentence_spans = sents;
        if !folded.map.is_identity() {
            for s in &mut sentence_spans {
                *s = folded.map.span(*s);
            }
            for m in &mut mentions {
                m.span = folded.map.span(m.span);
            }
            for r in &mut relations {
                r.evidence = folded.map.span(r.evidence);
                r.trigger = folded.map.span(r.trigger);
            }
        }
        Extraction {
            actors: rec.actors,
            mentions,
            relations,
            sentences: sentence_spans,
            words: claimgraph_text::count_words(text),
        }
    }
}

/// Run one document's work; a panic becomes an error that names the document.
fn guarded<T>(id: &str, work: impl FnOnce() -> T) -> Result<T, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).map_err(|e| {
        let what = e
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| e.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        format!(
            "{id}: internal error while extracting ({what}); the document was skipped. \
             Please report it with the document's text"
        )
    })
}

#[cfg(test)]
mod guard_tests {
    #[test]
    fn a_panic_becomes_an_error_naming_the_document() {
        let err =
            super::guarded("doc7", || -> usize { panic!("index out of bounds") }).unwrap_err();
        assert!(err.starts_with("doc7: internal error"), "{err}");
        assert!(err.contains("index out of bounds"), "{err}");
        assert_eq!(super::guarded("doc8", || 3), Ok(3));
    }
}
