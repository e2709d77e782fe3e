#!/usr/bin/env bash
# The README's curl walk-through as a script: a story from pitch to published on two channels.
# Needs a server started with the demo users (see README); BASE defaults to http://localhost:8080.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
PW=newsroom-demo
json=(-H 'Content-Type: application/json')
show() { printf '\n== %s\n' "$1"; }

# A browser session for a person, as the dashboard starts one: the CSRF cookie from /api/session/options,
# then POST /api/session with the cookie's value in the X-XSRF-TOKEN header. The cookies go to the file $1.
sign_in() {
  local jar=$1 user=$2 password=$3
  curl -sf -c "$jar" -b "$jar" "$BASE/api/session/options" -o /dev/null
  curl -sf -c "$jar" -b "$jar" "${json[@]}" -H "X-XSRF-TOKEN: $(xsrf "$jar")" "$BASE/api/session" \
    -d '{"username": "'"$user"'", "password": "'"$password"'"}' -o /dev/null
}
xsrf() { awk '$6 == "XSRF-TOKEN" {print $7}' "$1"; }

# Each person signs in once and makes a personal API token for this script (shown once, stored hashed);
# from then on each request carries it as "Authorization: Bearer nrt_...".
token_for() {
  local jar
  jar=$(mktemp)
  sign_in "$jar" "$1" "$PW"
  curl -sf -b "$jar" "${json[@]}" -H "X-XSRF-TOKEN: $(xsrf "$jar")" "$BASE/api/me/tokens" \
    -d '{"name": "walk-through"}' | grep -o '"token":"[^"]*"' | cut -d'"' -f4
  rm -f "$jar"
}
show "everyone signs in and makes a personal API token for the script"
for who in carla eddie grace lena victor ada otto; do
  declare "AS_$who=Authorization: Bearer $(token_for $who)"
done
echo "tokens made"

show "carla (contributor) pitches a story"
STORY=$(curl -sf -H "$AS_carla" "${json[@]}" "$BASE/api/stories" -d '{
  "title": "Apprentices build the new plant'"'"'s robot cell",
  "angle": "Young talent shapes our factory of the future",
  "body": "Draft: six apprentices, one robot cell, a livestream from the plant.",
  "desk": "HR", "audience": "B2C", "campaign": "employer-branding-2027", "priority": "HIGH"}')
ID=$(echo "$STORY" | grep -o '"storyId":"[^"]*"' | cut -d'"' -f4)
echo "story $ID"

show "eddie (editor) accepts the pitch and assigns it to carla"
curl -sf -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/accept" -d '{"assignee": "carla"}' \
  | grep -o '"status":"[^"]*"' | head -1

show "eddie plans a press release and a LinkedIn post"
curl -sf -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/placements" -d '{"placementId": "press",
  "channelId": "press-release", "slot": "2027-03-04T09:00:00Z", "text": "PRESS RELEASE: Apprentices ..."}' \
  | grep -o '"channelName":"[^"]*","channelKind":"[^"]*"' | tail -1
curl -sf -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/placements" -d '{"placementId": "linkedin",
  "channelId": "linkedin", "slot": "2027-03-04T11:00:00Z", "text": "Meet the six apprentices who ..."}' \
  | grep -o '"channelName":"[^"]*","channelKind":"[^"]*"' | tail -1

show "carla submits it for approval"
curl -sf -H "$AS_carla" -X POST "$BASE/api/stories/$ID/submit" | grep -o '"pendingApprovalSteps":\[[^]]*\]'

show "carla tries to approve: refused (403, she is not a governance lead)"
curl -s -H "$AS_carla" -X POST "$BASE/api/stories/$ID/approvals" -w '\nHTTP %{http_code}\n'

show "lena (legal) may not sign the communications step: refused (409, ApproverNotInStepGroup)"
curl -s -H "$AS_lena" "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "communications"}' \
  -o /dev/null -w 'HTTP %{http_code}\n'

show "grace (communications group) and lena (legal group) approve"
curl -sf -H "$AS_grace" "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "communications"}' \
  | grep -o '"status":"[^"]*"' | head -1
curl -sf -H "$AS_lena" "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "legal"}' \
  | grep -o '"status":"[^"]*"' | head -1

show "eddie publishes both placements (a retry with the same Idempotency-Key gets the first answer)"
curl -sf -H "$AS_eddie" -X POST -H 'Idempotency-Key: publish-press-1' "$BASE/api/stories/$ID/placements/press/publish" \
  -o /dev/null -w 'HTTP %{http_code}\n'
curl -sf -H "$AS_eddie" -X POST -H 'Idempotency-Key: publish-press-1' "$BASE/api/stories/$ID/placements/press/publish" \
  -o /dev/null -D - | grep -i -E '^(HTTP|idempotency-replayed)'
curl -sf -H "$AS_eddie" -X POST "$BASE/api/stories/$ID/placements/linkedin/publish" -o /dev/null -w 'HTTP %{http_code}\n'

show "publishing again without the key is refused by a named rule"
curl -s -H "$AS_eddie" -X POST "$BASE/api/stories/$ID/placements/press/publish" -w '\nHTTP %{http_code}\n'

show "quiet periods hold: a LinkedIn teaser inside 'Q1 results' is refused (409 QuietPeriodInForce)"
Q=$(curl -sf -H "$AS_grace" "${json[@]}" "$BASE/api/blackouts" -d '{"name": "Q1 results", "channels": ["linkedin"],
  "from": "2027-03-05T00:00:00Z", "to": "2027-03-06T00:00:00Z", "reason": "results on Monday"}' \
  | grep -o '"blackoutId":"[^"]*"' | cut -d'"' -f4)
TEASER='{"placementId": "teaser", "channelId": "linkedin", "slot": "2027-03-05T10:00:00Z", "text": "Results teaser"}'
curl -s -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/placements" -d "$TEASER" | grep -o '"rule":"[^"]*"'

show "grace overrides that quiet period for the teaser, with a reason; now eddie may plan it"
curl -sf -H "$AS_grace" "${json[@]}" "$BASE/api/stories/$ID/placements/teaser/quiet-period-overrides" \
  -d "{\"blackoutId\": \"$Q\", \"reason\": \"agreed with investor relations\"}" -o /dev/null -w 'HTTP %{http_code}\n'
curl -sf -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/placements" -d "$TEASER" -o /dev/null -w 'HTTP %{http_code}\n'

show "grace switches crisis mode on: every scheduled placement pauses; eddie may not publish (CrisisModeActive)"
curl -sf -H "$AS_grace" "${json[@]}" "$BASE/api/crisis" -d '{"reason": "Plant incident"}' | grep -o '"active":[a-z]*'
curl -s -H "$AS_eddie" -X POST "$BASE/api/stories/$ID/placements/teaser/publish" | grep -o '"rule":"[^"]*"'

show "lena ends it; the paused teaser waits for a decision, and eddie reschedules it"
curl -sf -H "$AS_lena" "${json[@]}" "$BASE/api/crisis/end" -d '{"reason": "Statement is out", "decision": "DECIDE_EACH"}' \
  | grep -o '"active":[a-z]*'
sleep 1 # the pause is recorded on the story a moment after the switch
curl -sf -H "$AS_eddie" "${json[@]}" "$BASE/api/stories/$ID/placements/teaser/reschedule" \
  -d '{"slot": "2027-03-08T10:00:00Z"}' -o /dev/null -w 'HTTP %{http_code}\n'

show "the history: who did what, when"
curl -sf -H "$AS_victor" "$BASE/api/stories/$ID/history" \
  | grep -o '"version":[0-9]*,"type":"[^"]*","at":"[^"]*","by":"[^"]*"'

show "the shared calendar of that week: both placements, published"
curl -sf -H "$AS_victor" "$BASE/api/calendar?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z" \
  | grep -o '"entryId":"'"$ID"':[^"]*"[^}]*"status":"[^"]*"' | grep -o '"channelName":"[^"]*"\|"status":"[^"]*"' | paste - - -d' '

show "the same week as CSV"
curl -sf -H "$AS_victor" "$BASE/api/calendar/export.csv?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z" | grep -E "^slot|$ID"

show "ada (admin) registers a new legal counsel; the answer carries her one-time password, once"
NEW=$(curl -sf -H "$AS_ada" "${json[@]}" "$BASE/api/admin/users" -d '{"username": "lisa",
  "displayName": "Lisa Legal (second counsel)", "roles": ["GOVERNANCE_LEAD"], "groups": ["legal"]}' || true)
OTP=$(echo "$NEW" | grep -o '"oneTimePassword":"[^"]*"' | cut -d'"' -f4)
if [ -n "$OTP" ]; then
  show "lisa signs in with it and must set her own password first (403 until then)"
  LISA=$(mktemp)
  sign_in "$LISA" lisa "$OTP"
  curl -s -b "$LISA" "$BASE/api/board" -o /dev/null -w 'HTTP %{http_code}\n'
  curl -sf -b "$LISA" "${json[@]}" -H "X-XSRF-TOKEN: $(xsrf "$LISA")" "$BASE/api/me/password" \
    -d '{"currentPassword": "'"$OTP"'", "newPassword": "lisa-signs-for-legal-42"}' -o /dev/null -w 'HTTP %{http_code}\n'
  curl -sf -b "$LISA" "$BASE/api/me" | grep -o '"groups":\[[^]]*\]'
  show "lisa signs out: her session ends"
  curl -sf -b "$LISA" -X DELETE -H "X-XSRF-TOKEN: $(xsrf "$LISA")" "$BASE/api/session" -o /dev/null -w 'HTTP %{http_code}\n'
  curl -s -b "$LISA" "$BASE/api/me" -o /dev/null -w 'HTTP %{http_code}\n'
  rm -f "$LISA"
else
  echo "lisa is already registered (the walk-through ran before on this store)"
fi

show "the accounts as an admin or auditor sees them, and who changed lisa's account"
curl -sf -H "$AS_otto" "$BASE/api/admin/users" | grep -o '"username":"[^"]*","displayName":"[^"]*","roles":\[[^]]*\],"groups":\[[^]]*\],"enabled":[a-z]*'
curl -sf -H "$AS_otto" "$BASE/api/admin/users/lisa/history" | grep -o '"type":"[^"]*","at":"[^"]*","by":"[^"]*"'
