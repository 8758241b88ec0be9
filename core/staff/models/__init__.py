from .goals import Goal, GoalComment
from .news import NewsIndexPage, NewsPage
from .profiles import Department, EmployeeProfile

__all__ = ["Department", "EmployeeProfile", "Goal", "GoalComment", "NewsIndexPage", "NewsPage"]
