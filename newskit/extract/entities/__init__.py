"""Entity mentions: spaCy entities with corrected labels, titles split off people, canonical names per article.
Owns the entity-rules spaCy component, the gazetteer of places and the within-article name resolution."""
