"""Access matrix rows for tickets: the customer screens and the agent workspace.

Demo records used: Siti's Sinar Jaya ticket (her org admin Budi sees it too), Emily's Acme
ticket, Siti's old Bengawan ticket (asked in a role she no longer holds: hidden from her now),
a public attachment and an internal-note attachment of Siti's ticket.
"""

from django.urls import reverse

TABLE = """
# pattern                           sample           anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- customer portal: tickets -----------------------------------------------------------------------------------------------------------
customer:tickets                    -                login ok    ok    ok    deny  deny  deny  deny  deny  deny  deny  deny  ok    deny
customer:ticket-new                 -                login ok    ok    ok    deny  deny  deny  deny  deny  deny  deny  deny  ok    deny
customer:ticket-suggestions         -                login ok    ok    ok    deny  deny  deny  deny  deny  deny  deny  deny  ok    deny
customer:ticket-detail              siti             login ok    ok    404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-detail              acme             login 404   404   ok    deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-detail              bengawan         login 404   404   404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-detail              unknown          login 404   404   404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-reply               siti             login 405   405   405   deny  deny  deny  deny  deny  deny  deny  deny  405   deny
customer:ticket-status              siti             login 405   405   405   deny  deny  deny  deny  deny  deny  deny  deny  405   deny
customer:ticket-rate                siti             login 405   405   405   deny  deny  deny  deny  deny  deny  deny  deny  405   deny
customer:ticket-file                public-file      login ok    ok    404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-file                internal-file    login 404   404   404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
# --- employee portal: the agent workspace (people who work a queue; everyone else finds nothing) -------------------------------------
employee:work                       -                login 404   404   404   404   404   404   ok    ok    ok    404   404   404   404
employee:work-mine                  -                login 404   404   404   404   404   404   ok    ok    ok    404   404   404   404
employee:work-queue                 support          login 404   404   404   404   404   404   ok    404   404   404   404   404   404
employee:work-queue                 partner-desk     login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:work-bulk-assign           -                login 404   404   404   404   404   404   405   405   405   404   404   404   404
employee:work-ticket                siti             login 404   404   404   404   404   404   ok    404   404   404   404   404   404
employee:work-ticket                bengawan         login 404   404   404   404   404   404   ok    404   404   404   404   404   404
employee:work-ticket-reply          siti             login 404   404   404   404   404   404   405   405   405   404   404   404   404
employee:work-ticket-update         siti             login 404   404   404   404   404   404   405   405   405   404   404   404   404
employee:work-ticket-answer         siti             login 404   404   404   404   404   404   405   405   405   404   404   404   404
employee:work-ticket-file           public-file      login 404   404   404   404   404   404   ok    404   404   404   404   404   404
employee:work-ticket-file           internal-file    login 404   404   404   404   404   404   ok    404   404   404   404   404   404
"""


def _ticket(url_name, key):
    return lambda world: reverse(url_name, args=[world.objects[key].reference])


def _file(url_name, key):
    def build(world):
        attachment = world.objects[key]
        return reverse(url_name, args=[attachment.ticket.reference, attachment.pk])

    return build


SAMPLES = {
    ("customer:ticket-detail", "siti"): _ticket("customer:ticket-detail", "tickets:siti"),
    ("customer:ticket-detail", "acme"): _ticket("customer:ticket-detail", "tickets:acme"),
    ("customer:ticket-detail", "bengawan"): _ticket("customer:ticket-detail", "tickets:bengawan"),
    ("customer:ticket-detail", "unknown"): lambda world: reverse(
        "customer:ticket-detail", args=["TCK-999999"]
    ),
    ("customer:ticket-reply", "siti"): _ticket("customer:ticket-reply", "tickets:siti"),
    ("customer:ticket-status", "siti"): _ticket("customer:ticket-status", "tickets:siti"),
    ("customer:ticket-rate", "siti"): _ticket("customer:ticket-rate", "tickets:siti"),
    ("customer:ticket-file", "public-file"): _file("customer:ticket-file", "tickets:siti-file"),
    ("customer:ticket-file", "internal-file"): _file(
        "customer:ticket-file", "tickets:internal-file"
    ),
    ("employee:work-queue", "support"): lambda world: reverse(
        "employee:work-queue", args=["support"]
    ),
    ("employee:work-queue", "partner-desk"): lambda world: reverse(
        "employee:work-queue", args=["partner-desk"]
    ),
    ("employee:work-ticket", "siti"): _ticket("employee:work-ticket", "tickets:siti"),
    ("employee:work-ticket", "bengawan"): _ticket("employee:work-ticket", "tickets:bengawan"),
    ("employee:work-ticket-reply", "siti"): _ticket("employee:work-ticket-reply", "tickets:siti"),
    ("employee:work-ticket-update", "siti"): _ticket("employee:work-ticket-update", "tickets:siti"),
    ("employee:work-ticket-answer", "siti"): _ticket("employee:work-ticket-answer", "tickets:siti"),
    ("employee:work-ticket-file", "public-file"): _file(
        "employee:work-ticket-file", "tickets:siti-file"
    ),
    ("employee:work-ticket-file", "internal-file"): _file(
        "employee:work-ticket-file", "tickets:internal-file"
    ),
}
