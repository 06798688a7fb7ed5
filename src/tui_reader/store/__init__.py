"""Everything that persists: where the files are, the config and its keymap, the reading
state, the analysis cache and the pipeline that runs the analysis through it, and the
search index's files. It builds on `corpus` and never imports the interface."""
