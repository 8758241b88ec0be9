"""Access matrix rows of the learning engine: the learner screens in the employee and partner
portals, the manager report, certificate verification and the course pages' Wagtail addresses.
Format and kinds: see matrix.py."""

from django.urls import reverse

TABLE = """
# pattern                            sample            anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- public: certificate verification, and the way in from e-mails -----------------------------------------------------------------
learning:home                        -                 login go    go    go    go    go    go    go    go    go    go    go    go    go
learning:verify                      -                 ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
learning:verify-code                 joko              ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
learning:verify-code                 unknown           404   404   404   404   404   404   404   404   404   404   404   404   404   404
# --- the employee portal's learning (Joko owns the certificate and attempt; escalations is for Customer Support) ---------------------
employee:learning-dashboard          -                 login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
employee:learning-catalogue          -                 login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
employee:learning-course             pdp               login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
employee:learning-course             support-only      login deny  deny  deny  deny  deny  404   ok    404   404   404   deny  deny  deny
employee:learning-course             partners-only     login deny  deny  deny  deny  deny  404   404   404   404   404   deny  deny  deny
employee:learning-enrol              pdp               login deny  deny  deny  deny  deny  405   405   405   405   405   deny  deny  deny
employee:learning-lesson             pdp               login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
employee:learning-lesson-done        pdp               login deny  deny  deny  deny  deny  405   405   405   405   405   deny  deny  deny
employee:learning-quiz               pdp               login deny  deny  deny  deny  deny  ok    ok    ok    ok    ok    deny  deny  deny
employee:learning-retake             pdp               login deny  deny  deny  deny  deny  405   405   405   405   405   deny  deny  deny
employee:learning-attempt            joko              login deny  deny  deny  deny  deny  ok    404   404   404   404   deny  deny  deny
employee:learning-attempt            agus              login deny  deny  deny  deny  deny  404   404   404   404   404   deny  deny  deny
employee:learning-certificate        joko              login deny  deny  deny  deny  deny  ok    404   404   404   404   deny  deny  deny
employee:learning-certificate-pdf    joko              login deny  deny  deny  deny  deny  ok    404   404   404   404   deny  deny  deny
# the report is for managers (none of these kinds manages anyone; see tests/learning/test_report.py)
employee:learning-report             -                 login 404   404   404   404   404   404   404   404   404   404   404   404   404
employee:learning-report-csv         -                 login 404   404   404   404   404   404   404   404   404   404   404   404   404
employee:learning-assign             -                 login 404   404   404   404   404   405   405   405   405   405   404   404   404
employee:learning-course-suggestions -                 login 404   404   404   404   404   404   404   404   404   404   404   404   404
# --- the partner portal's training (Agus owns the certificate and attempt) ------------------------------------------------------------
partner:learning-dashboard           -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:learning-catalogue           -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:learning-course              partner-sales     login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:learning-course              employees-only    login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-enrol               partner-sales     login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:learning-lesson              partner-sales     login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:learning-lesson              employees-only    login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-lesson-done         partner-sales     login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:learning-quiz                partner-sales     login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:learning-retake              partner-sales     login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:learning-attempt             agus              login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-attempt             joko              login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-certificate         agus              login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-certificate         joko              login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:learning-certificate-pdf     agus              login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  404   deny
# --- the course pages' own Wagtail addresses send everyone to their portal, which decides ---------------------------------------------
wagtail_serve                        course-index      go    go    go    go    go    go    go    go    go    go    go    go    go    go
wagtail_serve                        course-page       go    go    go    go    go    go    go    go    go    go    go    go    go    go
wagtail_serve                        lesson-page       go    go    go    go    go    go    go    go    go    go    go    go    go    go
"""


def _object(key, view, *, attr="pk"):
    return lambda world: reverse(view, args=[getattr(world.objects[key], attr)])


def _lesson(view, course_key, lesson_key):
    return lambda world: reverse(
        view, args=[world.objects[course_key].pk, world.objects[lesson_key].pk]
    )


SAMPLES = {
    ("learning:verify-code", "joko"): _object(
        "learning:certificate:employee", "learning:verify-code", attr="code"
    ),
    ("learning:verify-code", "unknown"): lambda world: reverse(
        "learning:verify-code", args=["AAAABBBBCCCCDDDD"]
    ),
    ("employee:learning-course", "pdp"): _object("learning:course:pdp", "employee:learning-course"),
    ("employee:learning-course", "support-only"): _object(
        "learning:course:escalations", "employee:learning-course"
    ),
    ("employee:learning-course", "partners-only"): _object(
        "learning:course:partner-sales", "employee:learning-course"
    ),
    ("employee:learning-enrol", "pdp"): _object("learning:course:pdp", "employee:learning-enrol"),
    ("employee:learning-lesson", "pdp"): _lesson(
        "employee:learning-lesson", "learning:course:pdp", "learning:lesson:pdp"
    ),
    ("employee:learning-lesson-done", "pdp"): _lesson(
        "employee:learning-lesson-done", "learning:course:pdp", "learning:lesson:pdp"
    ),
    ("employee:learning-quiz", "pdp"): _object("learning:course:pdp", "employee:learning-quiz"),
    ("employee:learning-retake", "pdp"): _object("learning:course:pdp", "employee:learning-retake"),
    ("employee:learning-attempt", "joko"): _object(
        "learning:attempt:employee", "employee:learning-attempt"
    ),
    ("employee:learning-attempt", "agus"): _object(
        "learning:attempt:partner", "employee:learning-attempt"
    ),
    ("employee:learning-certificate", "joko"): _object(
        "learning:certificate:employee", "employee:learning-certificate"
    ),
    ("employee:learning-certificate-pdf", "joko"): _object(
        "learning:certificate:employee", "employee:learning-certificate-pdf"
    ),
    ("partner:learning-course", "partner-sales"): _object(
        "learning:course:partner-sales", "partner:learning-course"
    ),
    ("partner:learning-course", "employees-only"): _object(
        "learning:course:pdp", "partner:learning-course"
    ),
    ("partner:learning-enrol", "partner-sales"): _object(
        "learning:course:partner-sales", "partner:learning-enrol"
    ),
    ("partner:learning-lesson", "partner-sales"): _lesson(
        "partner:learning-lesson", "learning:course:partner-sales", "learning:lesson:partner-sales"
    ),
    ("partner:learning-lesson", "employees-only"): _lesson(
        "partner:learning-lesson", "learning:course:pdp", "learning:lesson:pdp"
    ),
    ("partner:learning-lesson-done", "partner-sales"): _lesson(
        "partner:learning-lesson-done",
        "learning:course:partner-sales",
        "learning:lesson:partner-sales",
    ),
    ("partner:learning-quiz", "partner-sales"): _object(
        "learning:course:partner-sales", "partner:learning-quiz"
    ),
    ("partner:learning-retake", "partner-sales"): _object(
        "learning:course:partner-sales", "partner:learning-retake"
    ),
    ("partner:learning-attempt", "agus"): _object(
        "learning:attempt:partner", "partner:learning-attempt"
    ),
    ("partner:learning-attempt", "joko"): _object(
        "learning:attempt:employee", "partner:learning-attempt"
    ),
    ("partner:learning-certificate", "agus"): _object(
        "learning:certificate:partner", "partner:learning-certificate"
    ),
    ("partner:learning-certificate", "joko"): _object(
        "learning:certificate:employee", "partner:learning-certificate"
    ),
    ("partner:learning-certificate-pdf", "agus"): _object(
        "learning:certificate:partner", "partner:learning-certificate-pdf"
    ),
    ("wagtail_serve", "course-index"): lambda world: (
        world.objects["learning:course:pdp"].get_parent().url
    ),
    ("wagtail_serve", "course-page"): lambda world: world.objects["learning:course:pdp"].url,
    ("wagtail_serve", "lesson-page"): lambda world: world.objects["learning:lesson:pdp"].url,
}
