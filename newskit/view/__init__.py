"""Views for people: the HTML article view (`Corpus.show`), interactive tables, and the explorer widget.
Nothing here changes a frame; everything shown is escaped article text plus the frames' rows."""
