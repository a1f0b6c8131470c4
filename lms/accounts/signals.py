def sync_roles_after_migrate(sender, **kwargs) -> None:
    from lms.accounts.services import role_groups_sync

    role_groups_sync()
