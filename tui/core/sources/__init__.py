"""Where articles come from: files, the web, and the cleaning that turns a page into a body."""
