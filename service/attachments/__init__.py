"""Files attached to cases, tickets and interviews: their limits, what a file is (by its content) and where
the bytes are kept. The service side (rows, scope, audit) is service/operations/engines/attachments.py."""
