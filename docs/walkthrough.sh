#!/usr/bin/env bash
# The README's curl walk-through as a script: a story from pitch to published on two channels.
# Needs a server started with the demo users (see README); BASE defaults to http://localhost:8080.
set -euo pipefail
BASE=${BASE:-http://localhost:8080}
PW=newsroom-demo
json=(-H 'Content-Type: application/json')
show() { printf '\n== %s\n' "$1"; }

show "carla (contributor) pitches a story"
STORY=$(curl -sf -u carla:$PW "${json[@]}" "$BASE/api/stories" -d '{
  "title": "Apprentices build the new plant'"'"'s robot cell",
  "angle": "Young talent shapes our factory of the future",
  "body": "Draft: six apprentices, one robot cell, a livestream from the plant.",
  "desk": "HR", "audience": "B2C", "campaign": "employer-branding-2027", "priority": "HIGH"}')
ID=$(echo "$STORY" | grep -o '"storyId":"[^"]*"' | cut -d'"' -f4)
echo "story $ID"

show "eddie (editor) accepts the pitch and assigns it to carla"
curl -sf -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/accept" -d '{"assignee": "carla"}' \
  | grep -o '"status":"[^"]*"' | head -1

show "eddie plans a press release and a LinkedIn post"
curl -sf -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/placements" -d '{"placementId": "press",
  "channelId": "press-release", "slot": "2027-03-04T09:00:00Z", "text": "PRESS RELEASE: Apprentices ..."}' \
  | grep -o '"channelName":"[^"]*","channelKind":"[^"]*"' | tail -1
curl -sf -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/placements" -d '{"placementId": "linkedin",
  "channelId": "linkedin", "slot": "2027-03-04T11:00:00Z", "text": "Meet the six apprentices who ..."}' \
  | grep -o '"channelName":"[^"]*","channelKind":"[^"]*"' | tail -1

show "carla submits it for approval"
curl -sf -u carla:$PW -X POST "$BASE/api/stories/$ID/submit" | grep -o '"pendingApprovalSteps":\[[^]]*\]'

show "carla tries to approve: refused (403, she is not a governance lead)"
curl -s -u carla:$PW -X POST "$BASE/api/stories/$ID/approvals" -w '\nHTTP %{http_code}\n'

show "lena (legal) may not sign the communications step: refused (409, ApproverNotInStepGroup)"
curl -s -u lena:$PW "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "communications"}' \
  -o /dev/null -w 'HTTP %{http_code}\n'

show "grace (communications group) and lena (legal group) approve"
curl -sf -u grace:$PW "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "communications"}' \
  | grep -o '"status":"[^"]*"' | head -1
curl -sf -u lena:$PW "${json[@]}" "$BASE/api/stories/$ID/approvals" -d '{"step": "legal"}' \
  | grep -o '"status":"[^"]*"' | head -1

show "eddie publishes both placements (a retry with the same Idempotency-Key gets the first answer)"
curl -sf -u eddie:$PW -X POST -H 'Idempotency-Key: publish-press-1' "$BASE/api/stories/$ID/placements/press/publish" \
  -o /dev/null -w 'HTTP %{http_code}\n'
curl -sf -u eddie:$PW -X POST -H 'Idempotency-Key: publish-press-1' "$BASE/api/stories/$ID/placements/press/publish" \
  -o /dev/null -D - | grep -i -E '^(HTTP|idempotency-replayed)'
curl -sf -u eddie:$PW -X POST "$BASE/api/stories/$ID/placements/linkedin/publish" -o /dev/null -w 'HTTP %{http_code}\n'

show "publishing again without the key is refused by a named rule"
curl -s -u eddie:$PW -X POST "$BASE/api/stories/$ID/placements/press/publish" -w '\nHTTP %{http_code}\n'

show "quiet periods hold: a LinkedIn teaser inside 'Q1 results' is refused (409 QuietPeriodInForce)"
Q=$(curl -sf -u grace:$PW "${json[@]}" "$BASE/api/blackouts" -d '{"name": "Q1 results", "channels": ["linkedin"],
  "from": "2027-03-05T00:00:00Z", "to": "2027-03-06T00:00:00Z", "reason": "results on Monday"}' \
  | grep -o '"blackoutId":"[^"]*"' | cut -d'"' -f4)
TEASER='{"placementId": "teaser", "channelId": "linkedin", "slot": "2027-03-05T10:00:00Z", "text": "Results teaser"}'
curl -s -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/placements" -d "$TEASER" | grep -o '"rule":"[^"]*"'

show "grace overrides that quiet period for the teaser, with a reason; now eddie may plan it"
curl -sf -u grace:$PW "${json[@]}" "$BASE/api/stories/$ID/placements/teaser/quiet-period-overrides" \
  -d "{\"blackoutId\": \"$Q\", \"reason\": \"agreed with investor relations\"}" -o /dev/null -w 'HTTP %{http_code}\n'
curl -sf -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/placements" -d "$TEASER" -o /dev/null -w 'HTTP %{http_code}\n'

show "grace switches crisis mode on: every scheduled placement pauses; eddie may not publish (CrisisModeActive)"
curl -sf -u grace:$PW "${json[@]}" "$BASE/api/crisis" -d '{"reason": "Plant incident"}' | grep -o '"active":[a-z]*'
curl -s -u eddie:$PW -X POST "$BASE/api/stories/$ID/placements/teaser/publish" | grep -o '"rule":"[^"]*"'

show "lena ends it; the paused teaser waits for a decision, and eddie reschedules it"
curl -sf -u lena:$PW "${json[@]}" "$BASE/api/crisis/end" -d '{"reason": "Statement is out", "decision": "DECIDE_EACH"}' \
  | grep -o '"active":[a-z]*'
sleep 1 # the pause is recorded on the story a moment after the switch
curl -sf -u eddie:$PW "${json[@]}" "$BASE/api/stories/$ID/placements/teaser/reschedule" \
  -d '{"slot": "2027-03-08T10:00:00Z"}' -o /dev/null -w 'HTTP %{http_code}\n'

show "the history: who did what, when"
curl -sf -u victor:$PW "$BASE/api/stories/$ID/history" \
  | grep -o '"version":[0-9]*,"type":"[^"]*","at":"[^"]*","by":"[^"]*"'

show "the shared calendar of that week: both placements, published"
curl -sf -u victor:$PW "$BASE/api/calendar?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z" \
  | grep -o '"entryId":"'"$ID"':[^"]*"[^}]*"status":"[^"]*"' | grep -o '"channelName":"[^"]*"\|"status":"[^"]*"' | paste - - -d' '

show "the same week as CSV"
curl -sf -u victor:$PW "$BASE/api/calendar/export.csv?from=2027-03-01T00:00:00Z&to=2027-03-08T00:00:00Z" | grep -E "^slot|$ID"

show "ada (admin) registers a new legal counsel; the answer carries her one-time password, once"
NEW=$(curl -sf -u ada:$PW "${json[@]}" "$BASE/api/admin/users" -d '{"username": "lisa",
  "displayName": "Lisa Legal (second counsel)", "roles": ["GOVERNANCE_LEAD"], "groups": ["legal"]}' || true)
OTP=$(echo "$NEW" | grep -o '"oneTimePassword":"[^"]*"' | cut -d'"' -f4)
if [ -n "$OTP" ]; then
  show "lisa signs in with it and must set her own password first (403 until then)"
  curl -s -u "lisa:$OTP" "$BASE/api/board" -o /dev/null -w 'HTTP %{http_code}\n'
  curl -sf -u "lisa:$OTP" "${json[@]}" "$BASE/api/me/password" \
    -d '{"currentPassword": "'"$OTP"'", "newPassword": "lisa-signs-for-legal-42"}' -o /dev/null -w 'HTTP %{http_code}\n'
  curl -sf -u lisa:lisa-signs-for-legal-42 "$BASE/api/me" | grep -o '"groups":\[[^]]*\]'
else
  echo "lisa is already registered (the walk-through ran before on this store)"
fi

show "the accounts as an admin or auditor sees them, and who changed lisa's account"
curl -sf -u otto:$PW "$BASE/api/admin/users" | grep -o '"username":"[^"]*","displayName":"[^"]*","roles":\[[^]]*\],"groups":\[[^]]*\],"enabled":[a-z]*'
curl -sf -u otto:$PW "$BASE/api/admin/users/lisa/history" | grep -o '"type":"[^"]*","at":"[^"]*","by":"[^"]*"'
