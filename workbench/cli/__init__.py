"""The `workbench` command line. It never imports Textual."""
