package dev.mfaportal.enrollment;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.mfaportal.identity.Employee;

/**
 * The devices page: the employee's MFA devices and the start of an enrollment.
 */
@Controller
class DevicesController {

	private final DevicesView view;

	DevicesController(DevicesView view) {
		this.view = view;
	}

	@GetMapping("/mfa")
	String devices(Employee employee, @RequestParam(required = false) String enrolled, Model model) {
		return this.view.render(employee, enrolled, model);
	}

}
