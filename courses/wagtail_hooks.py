from wagtail import hooks

from courses.services import lesson_copies_renew_ids


@hooks.register("after_copy_page")
def renew_copied_question_ids(request, page, new_page):
    # Wagtail runs this hook after making an alias too. An alias mirrors its
    # original (ids included) and cannot be edited on its own: leave it be.
    if new_page.alias_of_id:
        return
    lesson_copies_renew_ids(page=new_page, user=request.user)
