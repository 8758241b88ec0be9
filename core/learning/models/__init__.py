from .assignments import Assignment, AssignmentNotice, AssignmentRule
from .certificates import Certificate
from .pages import CourseIndexPage, CoursePage, LessonPage
from .progress import Enrolment, LessonProgress, QuizAttempt

__all__ = [
    "Assignment",
    "AssignmentNotice",
    "AssignmentRule",
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrolment",
    "LessonPage",
    "LessonProgress",
    "QuizAttempt",
]
