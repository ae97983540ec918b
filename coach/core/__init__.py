"""Coach's pure logic: no Qt, no pyqtgraph, time always passed in."""
