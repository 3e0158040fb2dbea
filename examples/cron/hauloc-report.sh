#!/bin/sh
# hauloc-report.sh: run `hauloc check` unattended (from cron). Keeps the day's report in a dated
# file, logs every run, and mails (or prints, for cron to mail) a message when the exit code is
# not 0. The mail's subject and first lines are hauloc's own (`hauloc check --mail FILE`): what
# happened, with counts and names, in the language of HAULOC_LANG. Exits with hauloc's own
# exit code.
#
# Settings, as environment variables (set them in the crontab line or edit the defaults below):
#   HAULOC_ACTUALS     the actuals file to judge (required)
#   HAULOC_PLAN        the plan file (default: the plan shipped with hauloc)
#   HAULOC_REPORT_DIR  where reports and hauloc.log go (default: reports/ beside the actuals)
#   HAULOC_FORMAT      table, markdown, csv or json (default: table)
#   HAULOC_OPTIONS     more options for `hauloc check` (default: --fail-on-missing)
#   HAULOC_LANG        vi or en, the language of the reports and of the mail (default: en)
#   HAULOC_MAIL_TO     who is mailed when the exit code is not 0; empty: the message goes to
#                      stderr, which cron mails to MAILTO
#   HAULOC_BIN         the hauloc program (default: hauloc, looked up on the PATH set below)
#   HAULOC_MAIL_CMD    the mail program, run as: CMD -s SUBJECT RECIPIENT <BODY (default: mail)
#
# Cron gives a bare environment (PATH=/usr/bin:/bin, no locale, no terminal), and `env -i`
# gives none at all: everything this script needs is set here.
set -u

PATH=/usr/local/bin:/usr/bin:/bin${PATH:+:$PATH}
if [ -n "${HOME:-}" ]; then PATH=$HOME/.local/bin:$PATH; fi  # pip install --user, pipx
export PATH
LC_ALL=C.UTF-8          # Vietnamese names need UTF-8; the report language is HAULOC_LANG
COLUMNS=${COLUMNS:-160} # the table's width in the file and the mail
export LC_ALL COLUMNS

hauloc=${HAULOC_BIN:-hauloc}
mailer=${HAULOC_MAIL_CMD:-mail}
actuals=${HAULOC_ACTUALS:?set HAULOC_ACTUALS to the actuals file to judge}
plan=${HAULOC_PLAN:-}
format=${HAULOC_FORMAT:-table}
options=${HAULOC_OPTIONS---fail-on-missing}
mail_to=${HAULOC_MAIL_TO:-}
dir=${HAULOC_REPORT_DIR:-$(dirname -- "$actuals")/reports}

case $format in
  table) ext=txt ;;
  markdown) ext=md ;;
  csv | json) ext=$format ;;
  *) echo "hauloc-report.sh: HAULOC_FORMAT must be table, markdown, csv or json" >&2; exit 2 ;;
esac

lang=$(printf '%s' "${HAULOC_LANG:-en}" | tr '[:upper:]' '[:lower:]')

# say ENGLISH VIETNAMESE: the wrapper's own words in the language of the report.
say() {
  if [ "$lang" = vi ]; then printf '%s\n' "$2"; else printf '%s\n' "$1"; fi
}

# meaning CODE: what an exit code means, for the log (and a mail hauloc could not write).
meaning() {
  case $1 in
    0) say "all is well: no target at or below --fail-on" \
           "mọi việc ổn: không chỉ tiêu nào ở mức --fail-on hoặc thấp hơn" ;;
    1) say "at least one target is at or below --fail-on, or (with --fail-on-missing) has no figure for the quarter" \
           "có chỉ tiêu ở mức --fail-on hoặc thấp hơn, hoặc (với --fail-on-missing) chưa có số liệu của quý" ;;
    2) say "usage error: a wrong option, or a file that is missing or cannot be written" \
           "lỗi sử dụng: tùy chọn sai, hoặc tệp không có hay không ghi được" ;;
    3) say "the plan or the actuals file is invalid; nothing was evaluated" \
           "tệp kế hoạch hoặc tệp số liệu không hợp lệ; chưa đánh giá gì" ;;
    4) say "internal error in hauloc (a bug); please report it with the traceback below" \
           "lỗi nội bộ của hauloc; xin báo lỗi kèm traceback dưới đây" ;;
    126 | 127) say "hauloc could not be run; check HAULOC_BIN" \
                   "không chạy được hauloc; kiểm tra HAULOC_BIN" ;;
    *) say "unexpected exit code" "mã thoát không mong đợi" ;;
  esac
}

# fallback_subject CODE: the subject when hauloc wrote no mail (it did not start, or the
# command line did not parse): what happened, in plain words.
fallback_subject() {
  case $1 in
    2) say "Not judged: a wrong option, or a file missing or not writable" \
           "Chưa đánh giá được: lệnh chạy sai, hoặc tệp không có hay không ghi được" ;;
    4) say "hauloc stopped on an internal error; please report it" \
           "hauloc dừng vì lỗi nội bộ; xin báo cho người phát triển" ;;
    126 | 127) say "hauloc could not be run; check HAULOC_BIN" \
                   "Không chạy được hauloc; kiểm tra HAULOC_BIN" ;;
    *) say "hauloc ended unexpectedly (code $1)" "hauloc kết thúc bất thường (mã $1)" ;;
  esac
}

mkdir -p -- "$dir" || exit 2
today=$(date +%Y-%m-%d)
report=$dir/hauloc-$today.$ext
errors=$(mktemp "${TMPDIR:-/tmp}/hauloc-report.XXXXXX") || exit 2
mailfile=$(mktemp "${TMPDIR:-/tmp}/hauloc-mail.XXXXXX") || exit 2
trap 'rm -f -- "$errors" "$mailfile"' EXIT

set -- check "$actuals" --format "$format" --output "$report" --mail "$mailfile"
if [ -n "$plan" ]; then set -- "$@" --targets "$plan"; fi
# shellcheck disable=SC2086 # HAULOC_OPTIONS holds several options
set -- "$@" $options

"$hauloc" "$@" 2>"$errors"
code=$?
what=$(meaning "$code")
echo "$(date '+%Y-%m-%d %H:%M:%S') exit $code: $what" >>"$dir/hauloc.log"

if [ "$code" -ne 0 ]; then
  if [ -s "$mailfile" ]; then
    subject=$(sed -n '1s/^Subject: //p' "$mailfile")
  else
    subject=$(fallback_subject "$code")
  fi
  body() {
    if [ -s "$mailfile" ]; then
      tail -n +3 -- "$mailfile"
      # hauloc's mail of an error holds its messages already
      if [ "$code" -ge 2 ]; then return 0; fi
    else
      say "hauloc check $actuals exited with code $code: $what." \
          "hauloc check $actuals kết thúc với mã $code: $what."
    fi
    echo
    if [ "$code" -le 1 ] && [ -f "$report" ]; then
      say "Report: $report" "Báo cáo: $report"
      echo
      cat -- "$report"
    else
      say "No report was written." "Không có báo cáo nào được ghi."
    fi
    if [ -s "$errors" ]; then
      echo
      say "Messages (stderr):" "Các thông báo khác của hauloc:"
      cat -- "$errors"
    fi
  }
  if [ -n "$mail_to" ]; then
    if ! body | "$mailer" -s "$subject" "$mail_to"; then
      echo "$(date '+%Y-%m-%d %H:%M:%S') could not mail $mail_to with $mailer" >>"$dir/hauloc.log"
      body >&2
    fi
  else
    body >&2
  fi
fi
exit "$code"
