"""One reader per input format (plain text, JSON/CSV records, HTML, NewsML, ANPA wire copy, e-mail).
Each turns the bytes of one file into drafts of articles or rejects; read/articles.py picks the reader."""
