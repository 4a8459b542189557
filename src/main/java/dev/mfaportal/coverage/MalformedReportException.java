package dev.mfaportal.coverage;

/**
 * The credential report could not be read: a column the portal needs is missing, a row is ragged, or a cell
 * holds a value the report's documentation does not define. The message names the line and column, never the
 * cell's content.
 */
class MalformedReportException extends RuntimeException {

	MalformedReportException(String message) {
		super(message);
	}

}
