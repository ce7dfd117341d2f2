"""Secretary's Workbench (秘書工作台): to-do by 輕重緩急, leader instructions and feedback."""

__version__ = "0.1.0"
