-- wrk script: every request signs the benchmark account in.
wrk.method = "POST"
wrk.body = "email=bench%40samrad.se&password=ett+l%C3%A5ngt+bra+l%C3%B6senord"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
