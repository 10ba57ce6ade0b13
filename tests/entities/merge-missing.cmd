entities --merge no-such-file.part
