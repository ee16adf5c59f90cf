"""Work the task worker does after a request has answered (``manage.py db_worker``)."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from nejat.site.notices import StaffNotice


@task()
def deliver_staff_notice(notice_id):
    notice = StaffNotice.objects.filter(pk=notice_id).first()
    if notice is None or notice.send():
        return
    delay = notice.retry_delay()
    if delay is not None and deliver_staff_notice.get_backend().supports_defer:
        run_after = timezone.now() + timedelta(seconds=delay)
        deliver_staff_notice.using(run_after=run_after).enqueue(notice_id)
