//! From a session to the summary participants receive: Markdown, HTML, e-mail, CSV.
