"""The command line: argparse front end over the services (no Qt unless a PDF is written)."""
