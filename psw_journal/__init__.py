"""PSW Reflective Journal: a private, encrypted reflective journal for Peer Support Workers."""

__version__ = "0.1.0"
