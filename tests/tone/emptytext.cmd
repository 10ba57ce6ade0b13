sentiment < emptytext.tok | tone
