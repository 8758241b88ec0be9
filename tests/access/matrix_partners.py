"""Access matrix rows of the partner programme: the partner portal's deals, funds and team,
the public application, and the channel manager's screens in the employee portal.
Agus (partner) and Dewi (multi) are at Nusantara Solutions, Liam (other partner) at Pacific
Channel Partners; Hendra is the channel manager. Format and kinds: see matrix.py.

Support for end customers: Agus's Partner desk ticket on behalf of Acme Logistics invites Emily
(other customer, Acme's admin); Rizky's for Bengawan Retail invites someone without an account.
Dewi is at Acme too (customer) and at Nusantara (partner, not an admin): she sees neither."""

from django.urls import reverse

TABLE = """
# pattern                            sample            anon  cust  cadm  ocus  part  opar  empl  agnt  chmg  irof  edit  inv   multi none
# --- the partner portal: a firm's own records only; another firm's answer 404 ------------------------------------------------------
partner:deals                        -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:deal-new                     -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:deal                         nusantara         login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:deal                         pacific           login deny  deny  deny  404   ok    deny  deny  deny  deny  deny  deny  404   deny
partner:deal-edit                    nusantara-draft   login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:deal-edit                    pacific-draft     login deny  deny  deny  404   ok    deny  deny  deny  deny  deny  deny  404   deny
partner:deal-submit                  nusantara         login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:deal-close                   nusantara         login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:mdf                          -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:mdf-request                  nusantara         login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:mdf-request                  pacific           login deny  deny  deny  404   ok    deny  deny  deny  deny  deny  deny  404   deny
partner:mdf-proof                    nusantara         login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:leads                        -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:lead                         gudang            login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:lead                         kapal             login deny  deny  deny  404   ok    deny  deny  deny  deny  deny  deny  404   deny
partner:lead                         pool              login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  ok    deny
partner:lead-answer                  gudang            login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
partner:scorecard                    -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:team                         -                 login deny  deny  deny  ok    ok    deny  deny  deny  deny  deny  deny  ok    deny
partner:team-remove                  rizky             login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
# --- support on behalf of an end customer: the partner's side, the invited contact and the Partner desk -----------------------------
partner:ticket-detail                behalf            login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  404   deny
partner:ticket-detail                behalf-pending    login deny  deny  deny  ok    404   deny  deny  deny  deny  deny  deny  404   deny
partner:ticket-file                  behalf-internal   login deny  deny  deny  404   404   deny  deny  deny  deny  deny  deny  404   deny
partner:ticket-invite                behalf            login deny  deny  deny  405   405   deny  deny  deny  deny  deny  deny  405   deny
customer:ticket-detail               behalf            login 404   404   ok    deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-detail               behalf-pending    login 404   404   404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
customer:ticket-file                 behalf-internal   login 404   404   404   deny  deny  deny  deny  deny  deny  deny  deny  404   deny
employee:work-ticket                 behalf            login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:work-ticket-file            behalf-internal   login 404   404   404   404   404   404   404   ok    404   404   404   404   404
# --- becoming a partner: public, followed by the secret link in the applicant's e-mail -----------------------------------------------
partner:apply                        -                 ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
partner:application-status           cahaya            ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok    ok
partner:application-status           unknown           404   404   404   404   404   404   404   404   404   404   404   404   404   404
# --- the channel manager's side: nobody else finds it (404) --------------------------------------------------------------------------
employee:channel                     -                 login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-deals               -                 login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-deal                maju              login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-deal                draft             login 404   404   404   404   404   404   404   404   404   404   404   404   404
employee:channel-deal-decide         maju              login 404   404   404   404   404   404   404   405   404   404   404   404   404
employee:channel-deal-extend         maju              login 404   404   404   404   404   404   404   405   404   404   404   404   404
employee:channel-deal-close          maju              login 404   404   404   404   404   404   404   405   404   404   404   404   404
employee:channel-leads               -                 login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-lead                gudang            login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-lead-distribute     gudang            login 404   404   404   404   404   404   404   405   404   404   404   404   404
employee:channel-application         cahaya            login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-fund                seminar           login 404   404   404   404   404   404   404   ok    404   404   404   404   404
employee:channel-fund-proof          seminar           login 404   404   404   404   404   404   404   ok    404   404   404   404   404
"""


def _deal(view, key):
    return lambda world: reverse(view, args=[world.objects[key].pk])


def _proof(view, key):
    return lambda world: reverse(
        view, args=[world.objects[key].pk, world.objects[f"{key}:proof"].pk]
    )


def _ticket(view, key):
    return lambda world: reverse(view, args=[world.objects[key].reference])


def _ticket_file(view, key):
    def build(world):
        attachment = world.objects[key]
        return reverse(view, args=[attachment.ticket.reference, attachment.pk])

    return build


SAMPLES = {
    ("partner:ticket-detail", "behalf"): _ticket("partner:ticket-detail", "tickets:behalf"),
    ("partner:ticket-detail", "behalf-pending"): _ticket(
        "partner:ticket-detail", "tickets:behalf-pending"
    ),
    ("partner:ticket-invite", "behalf"): _ticket("partner:ticket-invite", "tickets:behalf"),
    ("customer:ticket-detail", "behalf"): _ticket("customer:ticket-detail", "tickets:behalf"),
    ("customer:ticket-detail", "behalf-pending"): _ticket(
        "customer:ticket-detail", "tickets:behalf-pending"
    ),
    ("employee:work-ticket", "behalf"): _ticket("employee:work-ticket", "tickets:behalf"),
    **{
        (view, "behalf-internal"): _ticket_file(view, "tickets:behalf-internal-file")
        for view in ("partner:ticket-file", "customer:ticket-file", "employee:work-ticket-file")
    },
    ("partner:deal", "nusantara"): _deal("partner:deal", "deal:maju"),
    ("partner:deal", "pacific"): _deal("partner:deal", "deal:harbour"),
    ("partner:deal-edit", "nusantara-draft"): _deal("partner:deal-edit", "deal:sumber-rejeki"),
    ("partner:deal-edit", "pacific-draft"): _deal("partner:deal-edit", "deal:kopitiam"),
    ("partner:deal-submit", "nusantara"): _deal("partner:deal-submit", "deal:sumber-rejeki"),
    ("partner:deal-close", "nusantara"): _deal("partner:deal-close", "deal:maju"),
    ("partner:mdf-request", "nusantara"): _deal("partner:mdf-request", "mdf:seminar"),
    ("partner:mdf-request", "pacific"): _deal("partner:mdf-request", "mdf:linkedin"),
    ("partner:mdf-proof", "nusantara"): _proof("partner:mdf-proof", "mdf:seminar"),
    ("partner:lead", "gudang"): _deal("partner:lead", "lead:gudang"),
    ("partner:lead", "kapal"): _deal("partner:lead", "lead:kapal"),
    ("partner:lead", "pool"): _deal("partner:lead", "lead:surabaya"),
    ("partner:lead-answer", "gudang"): _deal("partner:lead-answer", "lead:gudang"),
    ("employee:channel-lead", "gudang"): _deal("employee:channel-lead", "lead:gudang"),
    ("employee:channel-lead-distribute", "gudang"): _deal(
        "employee:channel-lead-distribute", "lead:gudang"
    ),
    ("partner:team-remove", "rizky"): lambda world: reverse(
        "partner:team-remove",
        args=[world.people["partner_rep"].role_assignments.get(role="partner").pk],
    ),
    ("partner:application-status", "cahaya"): lambda world: reverse(
        "partner:application-status", args=[world.objects["partners:application"].token]
    ),
    ("partner:application-status", "unknown"): lambda world: reverse(
        "partner:application-status", args=["no-such-token"]
    ),
    ("employee:channel-deal", "maju"): _deal("employee:channel-deal", "deal:maju"),
    ("employee:channel-deal", "draft"): _deal("employee:channel-deal", "deal:sumber-rejeki"),
    ("employee:channel-deal-decide", "maju"): _deal("employee:channel-deal-decide", "deal:maju"),
    ("employee:channel-deal-extend", "maju"): _deal("employee:channel-deal-extend", "deal:maju"),
    ("employee:channel-deal-close", "maju"): _deal("employee:channel-deal-close", "deal:maju"),
    ("employee:channel-application", "cahaya"): _deal(
        "employee:channel-application", "partners:application"
    ),
    ("employee:channel-fund", "seminar"): _deal("employee:channel-fund", "mdf:seminar"),
    ("employee:channel-fund-proof", "seminar"): _proof(
        "employee:channel-fund-proof", "mdf:seminar"
    ),
}
