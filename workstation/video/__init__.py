"""Video: decoding in a sandboxed process (decode.py, sandbox.py), keyframes, frame-hash
signatures and their temporal matching (signature.py), and the case-side reads (service.py)."""
