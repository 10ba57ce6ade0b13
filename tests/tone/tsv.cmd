tone  basic.in
