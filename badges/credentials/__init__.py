"""Portable credentials: the badge awards in formats anyone can verify.

* :mod:`.keys` – the issuer's Ed25519 key (from configuration) and its ``did:web``.
* :mod:`.contexts` – the JSON-LD contexts, read from installed registry packages
  (no network at run time).
* :mod:`.dataintegrity` – ``eddsa-rdfc-2022`` Data Integrity proofs.
* :mod:`.ob3` – each award as an Open Badges 3.0 ``OpenBadgeCredential``.
* :mod:`.statuslist` – revocation through a signed ``BitstringStatusListCredential``.
* :mod:`.ob2` – Open Badges 2.0 hosted JSON-LD (issuer, BadgeClass, Assertion).
* :mod:`.images` / :mod:`.baking` – badge images (generated when none was uploaded)
  and images baked with the assertion.
* :mod:`.verification` – verify a credential: proof, status and validity period.
* :mod:`.views` – the public (no sign-in) URLs serving all of the above.
"""
