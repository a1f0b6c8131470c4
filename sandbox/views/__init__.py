"""The practice UI ("Oefenomgeving"): server-rendered, working without JavaScript.

Every view reaches its data through ``sandbox.views._access``: the workspace is
loaded with ``Workspace.objects.visible_to`` (404 otherwise) and changed only when
``Workspace.objects.changeable_by`` allows it (403 for a coach looking on).
"""
