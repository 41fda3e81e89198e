"""What a council's data team needs from a case: the national Client Level Data (CLD)
return's fields and value lists, the NHS number, and the Accessible Information Standard's
codes for communication needs. Qt-free; see docs/sync-server.md for the sources."""
