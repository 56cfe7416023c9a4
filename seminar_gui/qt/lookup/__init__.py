"""The paper look-up bar under the topic form's URL field: an arXiv id or a DOI typed or
pasted there offers "Fill in from arXiv" (or Crossref); the answer fills the paper's
title, venue and authors in one undo step (core/lookup.py asks, in a worker thread)."""
