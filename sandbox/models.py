# The practice case system (ZGW catalogue, workspaces, zaken) arrives with the sandbox issue.
